package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/**
 * E-mail notices of new tasks: off unless the city switches them on; when on, a subscriber gets the number of new
 * tasks and a link, received here by an SMTP server of the test's own, and nothing of the cases or residents.
 */
@IntegrationTest
class TaskMailTest {

  private static final String LINK = "https://immunization.city.example.lg.jp/";
  private static final String ADDRESS = "staff2@city.example.lg.jp";

  @Autowired MockMvc mvc;
  @Autowired ProcessDriver driver;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired UserDirectory directory;
  @Autowired Clock clock;

  @Test
  void mailNoticesAreOffUnlessTheCitySwitchesThemOn() throws Exception {
    mvc.perform(get("/api/tasks/notices/mail").with(users.as("staff2"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.available").value(false)).andExpect(jsonPath("$.address").isEmpty());
    driver.perform("staff2", put("/api/tasks/notices/mail"), Map.of("address", ADDRESS))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("mail_off"));
    assertThat(jdbc.queryForObject("select count(*) from task_mail_subscription", Long.class)).isZero();
  }

  @Test
  void aSubscriberIsToldHowManyNewTasksTheyHaveWithALinkAndNoPersonalData() throws Exception {
    TaskMail mail = new TaskMail(jdbc, clock, directory, context.getBeanProvider(JavaMailSender.class), true,
        "noreply@city.example.lg.jp", LINK);
    SignedInUser staff2 = new SignedInUser("staff2", "試験 職員", Set.of(Role.STAFF),
        jdbc.queryForObject("select department_code from app_user where username = 'staff2'", String.class), Set.of());
    assertThatThrownBy(() -> mail.subscribe(staff2, "staff2 at city")).isInstanceOfSatisfying(ApiException.class,
        refusal -> assertThat(refusal.getMessage()).isEqualTo("メールアドレスが正しくありません"));
    mail.subscribe(staff2, " " + ADDRESS + " ");
    assertThat(mail.of(staff2)).isEqualTo(new TaskMail.Subscription(true, ADDRESS));

    try (SmtpReceiver smtp = new SmtpReceiver()) {
      assertThat(mail.sendAll(smtp.sender())).as("nothing new since the subscription").isZero();
      ProcessInstance first = start("送信", "一郎");
      start("送信", "二郎");
      assertThat(mail.sendAll(smtp.sender())).isOne();
      MimeMessage message = smtp.messages().get(0);
      assertThat(message.getAllRecipients()).containsExactly(new InternetAddress(ADDRESS));
      assertThat(message.getSubject()).isEqualTo("新しいタスクが2件あります");
      String body = (String) message.getContent();
      assertThat(body).startsWith("新しいタスクが2件あります。").contains("タスク一覧: " + LINK + "#/tasks");
      for (String text : List.of(body, message.getSubject(), smtp.raw().get(0))) {
        assertThat(text).as("no resident, case or step in the message")
            .doesNotContain("送信", "ソウシン", "イチロウ", "ジロウ", "一郎", "二郎", "本人確認", "開示", "#" + first.getBusinessKey());
      }
      assertThat(mail.sendAll(smtp.sender())).as("counted from the last message").isZero();

      driver.perform("super1", post("/api/tasks/" + driver.openTaskId(first, "CheckRequesterIdentity") + "/assign"),
          Map.of("assignee", "staff2", "reason", "担当替え")).andExpect(status().isOk());
      assertThat(mail.sendAll(smtp.sender())).isOne();
      assertThat(smtp.messages().get(1).getSubject()).as("a step given to them").isEqualTo("新しいタスクが1件あります");
    } finally {
      mail.unsubscribe(staff2);
    }
    assertThat(jdbc.queryForObject("select count(*) from task_mail_subscription where username = 'staff2'",
        Long.class)).as("the address goes with the subscription").isZero();
  }

  private ProcessInstance start(String family, String given) throws Exception {
    return startRequest(context, driver, family, given);
  }

  /** A resident's disclosure request, whose first step waits unclaimed for the staff group. */
  static ProcessInstance startRequest(ApplicationContext context, ProcessDriver driver, String family, String given)
      throws Exception {
    ResidentFixtures residents = new ResidentFixtures(context);
    long resident = residents.insert(new ResidentFixtures.Person(family, given, "ソウシン", given.equals("一郎")
        ? "イチロウ" : "ジロウ", LocalDate.of(2016, 5, 5), Sex.FEMALE, "360-0002", "埼玉県架空市本町2丁目", "REGISTERED"));
    return driver.start("staff1", "ResidentDataRequest", Map.of("kind", "DISCLOSURE", "addresseeNumber",
        residents.addresseeNumber(resident), "requesterType", "SELF", "requesterName", "本人（テスト）",
        "requesterRelation", "本人", "requestText", "接種記録の開示（テスト）", "receivedOn",
        LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()));
  }
}
