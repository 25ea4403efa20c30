package jp.lg.immunization.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import jp.lg.immunization.platform.RefusedRequests;
import org.springframework.stereotype.Component;

/**
 * A refused API request on the audit trail in a transaction of its own (the refused one rolled back): method and path
 * (which carry no personal data: DESIGN), status, error code and the names of the fields at fault, never their values;
 * what is too long is cut like every entry. A refusal that the deciding layer recorded already (a missing permission,
 * a four-eyes breach, a wrong code at login) is not recorded twice.
 */
@Component
class AuditedRefusals implements RefusedRequests {

  private final AuditTrail trail;

  AuditedRefusals(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void refused(HttpServletRequest request, int status, String error, Collection<String> fields) {
    if (trail.refusalRecorded()) {
      return;
    }
    trail.recordRefusal(AuditOperation.REQUEST_REFUSED, null, "request=" + request.getMethod() + " "
        + request.getRequestURI() + " status=" + status + " error=" + error
        + (fields.isEmpty() ? "" : " fields=" + String.join(",", fields)));
  }
}
