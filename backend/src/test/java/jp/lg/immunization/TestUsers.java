package jp.lg.immunization;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs requests in as one of the demo accounts, through the real account lookup. */
@TestComponent
public class TestUsers {

  private final UserDetailsService accounts;

  TestUsers(UserDetailsService accounts) {
    this.accounts = accounts;
  }

  public RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }
}
