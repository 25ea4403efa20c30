package jp.lg.immunization.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Stream;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountDetailsService implements UserDetailsService {

  /**
   * Held by every account that has passed both factors, whatever its roles: an account whose department does not do
   * this affair may have none left, and still reads /api/me to be told so.
   */
  static final String SIGNED_IN = "SIGNED_IN";

  private final UserAccountRepository accounts;
  private final Departments departments;
  private final Clock clock;

  AccountDetailsService(UserAccountRepository accounts, Departments departments, Clock clock) {
    this.accounts = accounts;
    this.departments = departments;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount account = accounts.findById(username)
        .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return new AccountDetails(account, departments.authority(account.departmentCode()), Instant.now(clock),
        LocalDate.now(clock));
  }

  /**
   * Carries the signed-in user so that requests need no lookup. Its password hash is erased before it is kept in the
   * session (the session table is no place for the hashes, which an offline attack on them would start from).
   */
  static final class AccountDetails implements UserDetails, CredentialsContainer {
    private final SignedInUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    AccountDetails(UserAccount account, Departments.Authority department, Instant now, LocalDate today) {
      this.user = account.toSignedInUser(department);
      this.passwordHash = account.passwordHash();
      this.enabled = account.usable(today);
      this.locked = account.locked(now);
    }

    SignedInUser user() {
      return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return Stream.of(Stream.of(SIGNED_IN), user.roles().stream().map(role -> "ROLE_" + role.name()),
              user.permissions().stream().sorted().map(Permission::authority)).flatMap(authority -> authority)
          .map(authority -> (GrantedAuthority) new SimpleGrantedAuthority(authority)).toList();
    }

    @Override
    public String getPassword() {
      return passwordHash;
    }

    @Override
    public void eraseCredentials() {
      passwordHash = null;
    }

    @Override
    public String getUsername() {
      return user.username();
    }

    @Override
    public boolean isEnabled() {
      return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
      return !locked;
    }
  }
}
