package jp.lg.immunization.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the audit chain nightly and on demand, and keeps each result so that auditors see a break at once. Each
 * run also checks that the last entry the previous intact run saw is still there unchanged: a chain whose tail was
 * cut off is otherwise intact.
 */
@Service
class AuditVerificationRuns {

  enum Trigger { NIGHTLY, ON_DEMAND }

  record Run(Instant ranAt, Trigger trigger, boolean intact, long checked, Long firstBrokenId, String reason) {}

  private final AuditVerification verification;
  private final AuditTrail trail;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditVerificationRuns(AuditVerification verification, AuditTrail trail, JdbcTemplate jdbc, Clock clock) {
    this.verification = verification;
    this.trail = trail;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(cron = "${immunization.audit.verify-cron:0 0 3 * * *}", zone = "Asia/Tokyo")
  @SchedulerLock(name = "audit-verification")
  public void nightly() {
    Run run = run(Trigger.NIGHTLY);
    trail.recordFor("system", AuditOperation.AUDIT_VERIFY, describe(run));
  }

  @Transactional
  Run run(Trigger trigger) {
    AuditVerification.Result result = verification.verify();
    boolean intact = result.intact();
    Long brokenId = result.firstBrokenId();
    String reason = result.reason();
    if (intact) {
      Optional<Map<String, Object>> previous = jdbc.queryForList("""
          select last_event_id, last_hash from audit_verification_run
          where intact and last_event_id is not null order by id desc limit 1""").stream().findFirst();
      if (previous.isPresent()) {
        long seen = ((Number) previous.get().get("last_event_id")).longValue();
        List<String> now = jdbc.queryForList("select hash from audit_event where id = ?", String.class, seen);
        if (now.isEmpty() || !now.get(0).equals(previous.get().get("last_hash"))) {
          intact = false;
          brokenId = seen;
          reason = "前回の検査で最後だった記録が見つからないか変更されています（末尾の削除または改ざん）";
        }
      }
    }
    Instant now = Instant.now(clock);
    jdbc.update("""
        insert into audit_verification_run (ran_at, trigger_kind, intact, checked, first_broken_id, reason,
                                            last_event_id, last_hash)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(now), trigger.name(), intact, result.checked(), brokenId,
        reason, intact ? result.lastId() : null, intact ? result.lastHash() : null);
    return new Run(now, trigger, intact, result.checked(), brokenId, reason);
  }

  @Transactional(readOnly = true)
  Optional<Run> latest() {
    return jdbc.query("""
        select ran_at, trigger_kind, intact, checked, first_broken_id, reason from audit_verification_run
        order by ran_at desc, id desc limit 1""", (rs, n) -> {
      long broken = rs.getLong(5);
      return new Run(rs.getTimestamp(1).toInstant(), Trigger.valueOf(rs.getString(2)), rs.getBoolean(3),
          rs.getLong(4), rs.wasNull() ? null : broken, rs.getString(6));
    }).stream().findFirst();
  }

  static String describe(Run run) {
    return run.intact() ? "intact" : "broken at " + run.firstBrokenId();
  }
}
