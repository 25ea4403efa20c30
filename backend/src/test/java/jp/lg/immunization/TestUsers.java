package jp.lg.immunization;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs requests in as one of the demo accounts, through the real account lookup, and makes accounts of a test's own. */
@TestComponent
public class TestUsers {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final UserDetailsService accounts;
  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;

  TestUsers(UserDetailsService accounts, JdbcTemplate jdbc, PasswordEncoder encoder) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  /** A staff account of the test's own (so that locking or disabling it disturbs no other test); its username. */
  public String newStaffAccount(String prefix, String password) {
    String username = prefix + "-" + SEQUENCE.incrementAndGet();
    jdbc.update("""
        insert into app_user (username, display_name, password_hash, department_code, roles)
        select ?, '試験 職員', ?, code, array['STAFF'] from department order by code limit 1""",
        username, encoder.encode(password));
    return username;
  }

  public RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }
}
