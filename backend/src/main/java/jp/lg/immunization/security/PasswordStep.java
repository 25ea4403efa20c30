package jp.lg.immunization.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first step of login: the password (with the account's lock and validity checked as before). A right password
 * gives no authorities, only {@link SecondFactorPending}; the second factor gives the roles (R07).
 */
final class PasswordStep implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;

  PasswordStep(UserDetailsService accounts, PasswordEncoder encoder) {
    passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Authentication checked = passwords.authenticate(authentication);
    return new SecondFactorPending(checked.getName());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
