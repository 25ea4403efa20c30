package jp.lg.immunization.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password was right but whose second factor is still to come (R07). It carries only the authority
 * {@link #AUTHORITY}, which nothing but the second-factor endpoints accept, and no {@code AccountDetails}, so that
 * {@link CurrentUser} does not see a signed-in user either. Its name is the username, so that disabling the account
 * ends this session too.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

  static final String AUTHORITY = "FACTOR_PENDING";

  private final String username;

  SecondFactorPending(String username) {
    super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
    this.username = username;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return username;
  }
}
