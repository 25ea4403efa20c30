package jp.lg.immunization.security;

import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request. */
@Component
public class CurrentUser {

  private final AuditTrail audit;

  CurrentUser(AuditTrail audit) {
    this.audit = audit;
  }

  public SignedInUser get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountDetailsService.AccountDetails details) {
      return details.user();
    }
    throw ApiException.forbidden("not_signed_in", "ログインしてください");
  }

  /**
   * The signed-in user when they hold the permission. Otherwise the refusal is audited (naming the permission and
   * the operation's code) and the request is refused with a 403 that says which permission is missing.
   */
  public SignedInUser require(Permission permission, String operation) {
    SignedInUser user = get();
    if (!user.has(permission)) {
      audit.recordRefusal(AuditOperation.PERMISSION_REFUSED, null,
          "permission=" + permission.name() + " operation=" + operation);
      throw ApiException.forbidden("permission_required", permission.refusal());
    }
    return user;
  }
}
