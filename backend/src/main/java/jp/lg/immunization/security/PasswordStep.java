package jp.lg.immunization.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The first step of login: the password (with the account's lock and validity checked as before), throttled per client. A right password
 * gives no authorities, only {@link SecondFactorPending}; the second factor gives the roles (R07).
 */
final class PasswordStep implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;

  PasswordStep(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
    passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  /** A client that has to wait is refused before its password is even looked at (R08, {@link LoginThrottle}). */
  @Override
  public Authentication authenticate(Authentication authentication) {
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    String username = authentication.getName();
    long wait = throttle.waitSeconds(client, username);
    if (wait > 0) {
      throw new LoginThrottled(wait);
    }
    Authentication checked;
    try {
      checked = passwords.authenticate(authentication);
    } catch (BadCredentialsException e) {
      throttle.failed(client, username);
      throw e;
    }
    throttle.passed(client, username);
    return new SecondFactorPending(checked.getName());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
