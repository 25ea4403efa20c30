package jp.lg.immunization.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the user must understand: carries the HTTP status, a stable error code for
 * clients, a Japanese message for the user and, for validation, a message per field.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final Map<String, String> fields;

  private ApiException(HttpStatus status, String error, String message, Map<String, String> fields) {
    super(message);
    this.status = status;
    this.error = error;
    this.fields = Map.copyOf(fields);
  }

  public static ApiException invalid(String message, Map<String, String> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", message, fields);
  }

  /** Nothing is wrong for certain, but a person must confirm what the fields say before it is accepted. */
  public static ApiException confirmationRequired(String message, Map<String, String> fields) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "confirmation_required", message, fields);
  }

  public static ApiException badRequest(String error, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, error, message, Map.of());
  }

  /** The request is not (or no longer) signed in, e.g. an account that locked during login. */
  public static ApiException unauthorized(String error, String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, error, message, Map.of());
  }

  public static ApiException forbidden(String error, String message) {
    return new ApiException(HttpStatus.FORBIDDEN, error, message, Map.of());
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", message, Map.of());
  }

  public static ApiException conflict(String error, String message) {
    return new ApiException(HttpStatus.CONFLICT, error, message, Map.of());
  }

  /** The installation lacks something the operation needs (e.g. a font); nothing was changed. */
  public static ApiException unavailable(String error, String message) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, error, message, Map.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String error() {
    return error;
  }

  public Map<String, String> fields() {
    return fields;
  }
}
