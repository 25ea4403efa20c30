package jp.lg.immunization.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords slow down whoever sends them instead of locking the account (R08 without its denial of service):
 * after a few free failures, each further attempt of one client at one account has to wait twice as long as the last,
 * up to a maximum, and so does a client that fails at many accounts. The account itself stays usable from every other
 * client. When the wrong passwords at an account reach the lockout count, its holder is told at the next login and
 * the event is on the audit trail (and in the abnormal-access report) for the administrators. Kept in the database:
 * every node sees the same counts.
 */
@Service
class LoginThrottle {

  static final String ANY_CLIENT = "*";
  static final String ANY_ACCOUNT = "";
  private static final int COLUMN = 64;

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final int freeFailures;
  private final int clientFreeFailures;
  private final int noticeAfter;
  private final Duration maxDelay;
  private final Duration forgetAfter;

  LoginThrottle(JdbcTemplate jdbc, AuditTrail audit, Clock clock,
                @Value("${immunization.security.throttle.free-failures:3}") int freeFailures,
                @Value("${immunization.security.throttle.client-free-failures:20}") int clientFreeFailures,
                @Value("${immunization.security.lockout.max-failures:5}") int noticeAfter,
                @Value("${immunization.security.throttle.max-delay:PT15M}") Duration maxDelay,
                @Value("${immunization.security.throttle.forget-after:PT24H}") Duration forgetAfter) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.freeFailures = freeFailures;
    this.clientFreeFailures = clientFreeFailures;
    this.noticeAfter = noticeAfter;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
  }

  /** How long {@code failures} in a row make the next attempt wait: none while free, then 1 s, 2 s, 4 s, ... */
  static Duration delay(int failures, int free, Duration max) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 30);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Seconds this client must still wait before trying this account again; 0 when it may try now. */
  @Transactional(readOnly = true)
  long waitSeconds(String client, String username) {
    Instant now = Instant.now(clock);
    long wait = 0;
    for (Counted counted : counts(clip(client), clip(username))) {
      int free = ANY_ACCOUNT.equals(counted.username()) ? clientFreeFailures : freeFailures;
      Instant allowed = counted.lastFailureAt().plus(delay(counted.failures(), free, maxDelay));
      if (allowed.isAfter(now)) {
        wait = Math.max(wait, Duration.between(now, allowed).toSeconds() + 1);
      }
    }
    return wait;
  }

  /** A wrong password: counted for the client and account, the client, and the account (for its holder's notice). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void failed(String client, String username) {
    Instant now = Instant.now(clock);
    count(clip(client), clip(username), now);
    count(clip(client), ANY_ACCOUNT, now);
    if (count(ANY_CLIENT, clip(username), now) == noticeAfter) {
      audit.recordFor(username, AuditOperation.LOGIN_FAILURES_NOTICE, "wrong passwords=" + noticeAfter
          + " (throttled per client; the account stays usable)");
    }
  }

  /** The password was right: this client's count at this account starts again. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void passed(String client, String username) {
    jdbc.update("delete from login_throttle where client = ? and username = ?", clip(client), clip(username));
  }

  /** At a complete login: the wrong passwords at the account since, for its holder to see once. */
  @Transactional
  int takeAccountFailures(String username) {
    List<Integer> failures = jdbc.queryForList("""
        delete from login_throttle where client = ? and username = ? returning failures""", Integer.class,
        ANY_CLIENT, clip(username));
    return failures.isEmpty() ? 0 : failures.get(0);
  }

  private record Counted(String username, int failures, Instant lastFailureAt) {}

  private List<Counted> counts(String client, String username) {
    return jdbc.query("""
        select username, failures, last_failure_at from login_throttle
        where client = ? and username in (?, ?) and last_failure_at > ?""",
        (rs, n) -> new Counted(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()),
        client, username, ANY_ACCOUNT, Timestamp.from(Instant.now(clock).minus(forgetAfter)));
  }

  private int count(String client, String username, Instant now) {
    return jdbc.queryForObject("""
        insert into login_throttle (client, username, failures, last_failure_at) values (?, ?, 1, ?)
        on conflict (client, username) do update set
          failures = case when login_throttle.last_failure_at > ? then login_throttle.failures + 1 else 1 end,
          last_failure_at = excluded.last_failure_at
        returning failures""", Integer.class, client, username, Timestamp.from(now),
        Timestamp.from(now.minus(forgetAfter)));
  }

  private static String clip(String value) {
    String text = value == null ? "" : value;
    return text.length() <= COLUMN ? text : text.substring(0, COLUMN);
  }
}
