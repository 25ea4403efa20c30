package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail notices as a city that switches them on runs them: sent by the app's own scheduler to the SMTP server of
 * {@code spring.mail.*} (one of the test's own), by one node of a cluster at a time. A context of its own (own data
 * folder and database) since the shared one has the notices off; its interval is short so that the test is quick.
 */
@SpringBootTest(properties = {
    "immunization.data-dir=target/task-mail-scheduler-data",
    "immunization.notices.mail.enabled=true",
    "immunization.notices.mail.from=noreply@city.example.lg.jp",
    "immunization.notices.mail.link=https://immunization.city.example.lg.jp/",
    "immunization.notices.mail.interval=PT0.2S",
    "immunization.notices.mail.initial-delay=PT0S"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestUsers.class, ProcessDriver.class})
class TaskMailSchedulerTest {

  private static final SmtpReceiver SMTP = smtp();
  private static final Duration SEVERAL_RUNS = Duration.ofSeconds(2);

  @Autowired TaskMail mail;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private static SmtpReceiver smtp() {
    try {
      return new SmtpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> SMTP.sender().getHost());
    registry.add("spring.mail.port", () -> SMTP.sender().getPort());
  }

  @AfterAll
  static void stopMailServer() throws IOException {
    SMTP.close();
  }

  @Test
  void theSchedulerSendsTheNoticeOnOneNodeOnlyWhileAnotherHoldsTheTaskMailLockItWaits() throws Exception {
    SignedInUser staff2 = new SignedInUser("staff2", "試験 職員", Set.of(Role.STAFF),
        jdbc.queryForObject("select department_code from app_user where username = 'staff2'", String.class), Set.of());
    mail.subscribe(staff2, "staff2@city.example.lg.jp");

    JdbcTemplateLockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(jdbc).usingDbTime().build());
    Optional<SimpleLock> held = otherNode.lock(new LockConfiguration(Instant.now(), "task-mail",
        Duration.ofMinutes(5), Duration.ZERO));
    assertThat(held).as("no run of this node holds the lock just now").isPresent();
    TaskMailTest.startRequest(context, driver, "予定", "一郎");
    Thread.sleep(SEVERAL_RUNS.toMillis());
    assertThat(SMTP.raw()).as("this node's scheduler skips its runs while the other node sends").isEmpty();

    held.get().unlock();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (SMTP.raw().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(SMTP.messages()).singleElement()
        .satisfies(message -> assertThat(message.getSubject()).isEqualTo("新しいタスクが1件あります"));
    Thread.sleep(SEVERAL_RUNS.toMillis());
    assertThat(SMTP.raw()).as("later runs count from the message: nothing new, nothing sent").hasSize(1);
  }
}
