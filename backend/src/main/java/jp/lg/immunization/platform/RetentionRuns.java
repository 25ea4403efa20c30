package jp.lg.immunization.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly deletion of data past its retention period (R27): each rule in its own transaction, each deletion
 * recorded (kind, ids, when) and audited. Only this application deletes its data, through these rules.
 */
@Service
public class RetentionRuns {

  private final List<RetentionRule> rules;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final Clock clock;

  RetentionRuns(List<RetentionRule> rules, JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit,
                Clock clock) {
    this.rules = rules;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  @Scheduled(cron = "${immunization.retention.cron:0 30 3 * * *}", zone = "Asia/Tokyo")
  public void nightly() {
    run(LocalDate.now(clock));
  }

  /** @return how many were deleted, by kind */
  public Map<String, Integer> run(LocalDate today) {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (RetentionRule rule : rules) {
      deleted.put(rule.kind(), transactions.execute(status -> {
        RetentionRule.Deleted gone = rule.deleteExpired(today);
        if (gone.rows() > 0) {
          jdbc.update("insert into retention_deletion (ran_at, kind, deleted, deleted_ids) values (?, ?, ?, ?)",
              Timestamp.from(Instant.now(clock)), rule.kind(), gone.rows(), gone.ids().toArray(Long[]::new));
          audit.record(AuditOperation.RETENTION_DELETE, null, "kind=" + rule.kind() + " deleted=" + gone.rows());
        }
        return gone.rows();
      }));
    }
    return deleted;
  }
}
