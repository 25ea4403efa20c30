package jp.lg.immunization.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;

/**
 * Where the API's refusals are recorded (every refusal is on the audit trail: README, Security). Implemented by the
 * audit trail; the platform's error handler calls it for every 4xx it answers, and the implementation leaves out what the deciding layer recorded already.
 */
public interface RefusedRequests {

  /**
   * @param error  the answer's stable error code
   * @param fields the names (never the values) of the fields the answer names
   */
  void refused(HttpServletRequest request, int status, String error, Collection<String> fields);
}
