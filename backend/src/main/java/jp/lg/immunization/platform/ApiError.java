package jp.lg.immunization.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The body of every error the API returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, Map<String, String> fields) {

  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, Map.of());
  }
}
