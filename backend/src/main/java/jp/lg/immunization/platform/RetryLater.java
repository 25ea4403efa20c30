package jp.lg.immunization.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A 503 answered by a filter, before or around the controllers: the usual JSON error, and when to try again. */
final class RetryLater {

  private RetryLater() {}

  static void answer(HttpServletResponse response, ObjectMapper json, ApiError error, int retryAfterSeconds)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), error);
  }
}
