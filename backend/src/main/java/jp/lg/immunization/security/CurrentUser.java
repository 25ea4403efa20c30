package jp.lg.immunization.security;

import jp.lg.immunization.platform.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request. */
@Component
public class CurrentUser {

  public SignedInUser get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountDetailsService.AccountDetails details) {
      return details.user();
    }
    throw ApiException.forbidden("not_signed_in", "ログインしてください");
  }
}
