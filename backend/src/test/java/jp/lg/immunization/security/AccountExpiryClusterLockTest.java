package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hourly account-expiry sweep runs on one node of a cluster: while another node runs it, this one skips. */
@IntegrationTest
class AccountExpiryClusterLockTest {

  @Autowired AccountControls controls;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R09_theSweepIsSkippedWhileAnotherNodeHoldsItsLockAndRunsOnceItIsFree() {
    String username = users.newStaffAccount("cluster", "a-long-passphrase-for-tests");
    jdbc.update("update app_user set valid_until = current_date - 2 where username = ?", username);
    JdbcTemplateLockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(jdbc).usingDbTime().build());
    Optional<SimpleLock> held = otherNode.lock(new LockConfiguration(Instant.now(), "account-expiry",
        Duration.ofMinutes(5), Duration.ZERO));
    assertThat(held).isPresent();

    controls.disableExpiredAccounts();
    assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username))
        .as("swept by this node while the other runs the sweep").isTrue();

    held.get().unlock();
    controls.disableExpiredAccounts();
    assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username))
        .isFalse();
  }
}
