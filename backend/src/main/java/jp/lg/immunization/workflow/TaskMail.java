package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail notices of new tasks, for a city that switches them on ({@code immunization.notices.mail.enabled}, SMTP as
 * {@code spring.mail.*}): a user who gives an address gets at most one message per interval saying how many new tasks
 * they have, with a link to the task list, and nothing else: no step, case, resident or colleague. New tasks are the
 * unclaimed steps of the user's groups created since the last message and the steps given to them since then. The
 * run takes a cluster lock; a message that fails is sent at a later run, counted from the same moment.
 */
@Service
class TaskMail {

  /** What the notices page shows: whether the city sends e-mail at all, and the user's address if they gave one. */
  record Subscription(boolean available, String address) {}

  private static final Logger log = LoggerFactory.getLogger(TaskMail.class);
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_ADDRESS = 254;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final UserDirectory users;
  private final ObjectProvider<JavaMailSender> senders;
  private final boolean enabled;
  private final String from;
  private final String taskListLink;

  TaskMail(JdbcTemplate jdbc, Clock clock, UserDirectory users, ObjectProvider<JavaMailSender> senders,
           @Value("${immunization.notices.mail.enabled:false}") boolean enabled,
           @Value("${immunization.notices.mail.from:}") String from,
           @Value("${immunization.notices.mail.link:}") String link) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.users = users;
    this.senders = senders;
    this.enabled = enabled;
    this.from = from;
    this.taskListLink = link.replaceAll("/+$", "") + "/#/tasks";
    if (enabled && (from.isBlank() || link.isBlank())) {
      throw new IllegalArgumentException(
          "immunization.notices.mail.enabled needs immunization.notices.mail.from and immunization.notices.mail.link");
    }
  }

  Subscription of(SignedInUser user) {
    return new Subscription(enabled, jdbc.queryForList("select address from task_mail_subscription where username = ?",
        String.class, user.username()).stream().findFirst().orElse(null));
  }

  /** New tasks are counted from now; a changed address keeps the count where it was. */
  @Transactional
  void subscribe(SignedInUser user, String address) {
    if (!enabled) {
      throw ApiException.conflict("mail_off", "この市ではメールでのお知らせを使っていません");
    }
    String trimmed = address == null ? "" : address.strip();
    if (trimmed.length() > MAX_ADDRESS || !ADDRESS.matcher(trimmed).matches()) {
      throw ApiException.invalid("メールアドレスが正しくありません",
          Map.of("address", "メールアドレスを入力してください（例: hoken@city.example.lg.jp）"));
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.update("""
        insert into task_mail_subscription (username, address, subscribed_at, counted_until) values (?, ?, ?, ?)
        on conflict (username) do update set address = excluded.address""", user.username(), trimmed, now, now);
  }

  /** The address is deleted with the subscription. */
  @Transactional
  void unsubscribe(SignedInUser user) {
    jdbc.update("delete from task_mail_subscription where username = ?", user.username());
  }

  @Scheduled(fixedDelayString = "${immunization.notices.mail.interval:PT15M}",
      initialDelayString = "${immunization.notices.mail.initial-delay:PT1M}")
  @SchedulerLock(name = "task-mail")
  void run() {
    if (!enabled) {
      return;
    }
    JavaMailSender sender = senders.getIfAvailable();
    if (sender == null) {
      log.warn("E-mail notices are on but no SMTP server is configured (spring.mail.host): none sent");
      return;
    }
    sendAll(sender);
  }

  /** One message to each subscriber with new tasks; returns how many were sent. */
  int sendAll(JavaMailSender sender) {
    Instant until = Instant.now(clock);
    int sent = 0;
    List<Map<String, Object>> subscriptions = jdbc.queryForList(
        "select username, address, counted_until from task_mail_subscription order by username");
    for (Map<String, Object> subscription : subscriptions) {
      String username = (String) subscription.get("username");
      Optional<UserDirectory.CaseWorker> worker = users.caseWorker(username);
      if (worker.isEmpty()) {
        continue;
      }
      Instant since = ((Timestamp) subscription.get("counted_until")).toInstant();
      long count = newTasks(worker.get(), since, until);
      if (count == 0) {
        continue;
      }
      try {
        sender.send(message((String) subscription.get("address"), count));
        jdbc.update("update task_mail_subscription set counted_until = ? where username = ?", Timestamp.from(until),
            username);
        sent++;
      } catch (MailException e) {
        // No address or name in the log; the next run tries again with the same count.
        log.warn("An e-mail notice could not be sent and is tried again at the next run: {}", e.getClass().getSimpleName());
      }
    }
    return sent;
  }

  private long newTasks(UserDirectory.CaseWorker worker, Instant since, Instant until) {
    return jdbc.queryForObject("""
        select (select count(*) from task_view where status = 'OPEN' and assignee is null
                  and created_at > ? and created_at <= ?
                  and (candidate_groups && ?::varchar[] or ? = any(candidate_users)))
             + (select count(*) from task_notice where username = ? and kind = 'ASSIGNED'
                  and created_at > ? and created_at <= ?)""", Long.class,
        Timestamp.from(since), Timestamp.from(until), worker.candidateGroups().toArray(String[]::new),
        worker.username(), worker.username(), Timestamp.from(since), Timestamp.from(until));
  }

  private SimpleMailMessage message(String address, long count) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(address);
    message.setSubject("新しいタスクが" + count + "件あります");
    message.setText("新しいタスクが" + count + "件あります。\n\n"
        + "タスク一覧: " + taskListLink + "\n\n"
        + "このメールには業務の内容や住民の情報を含めていません。内容はタスク一覧でご確認ください。\n"
        + "メールでのお知らせは、お知らせの画面で停止できます。\n");
    return message;
  }
}
