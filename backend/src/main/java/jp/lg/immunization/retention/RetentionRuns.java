package jp.lg.immunization.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.RetentionRule;
import jp.lg.immunization.workflow.ResidentTasks;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly deletion of data past its retention period (R27): each rule in its own transaction (a rule that deletes
 * in chunks, one transaction per chunk), each deletion recorded (kind, ids, when) under its run and audited. A rule
 * that fails changes nothing in the transaction that failed, is named in the run, and does not stop the others. Only
 * this application deletes its data, through these rules (the engine's own history cleanup is off).
 */
@Service
class RetentionRuns {

  private static final Logger log = LoggerFactory.getLogger(RetentionRuns.class);

  /** The engine's instance ids ({@code deleted_keys}) stay in the table: a night may delete millions of them. */
  record Deletion(String kind, int deleted, List<Long> ids, Instant ranAt) {}

  record Run(long id, Instant startedAt, Instant finishedAt, LocalDate asOf, int deleted, List<String> failed,
             List<Deletion> deletions) {}

  private final List<RetentionRule> rules;
  private final LegalHolds holds;
  private final ResidentTasks openCases;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final Clock clock;

  RetentionRuns(List<RetentionRule> rules, LegalHolds holds, ResidentTasks openCases, JdbcTemplate jdbc,
                TransactionTemplate transactions, AuditTrail audit, Clock clock) {
    this.rules = rules;
    this.holds = holds;
    this.openCases = openCases;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  @Scheduled(cron = "${immunization.retention.cron:0 30 3 * * *}", zone = "Asia/Tokyo")
  @SchedulerLock(name = "retention")
  public void nightly() {
    run(LocalDate.now(clock));
  }

  /** @return how many were deleted, by kind */
  Map<String, Integer> run(LocalDate today) {
    long runId = jdbc.queryForObject("insert into retention_run (started_at, as_of) values (?, ?) returning id",
        Long.class, Timestamp.from(Instant.now(clock)), Date.valueOf(today));
    Map<String, Integer> deleted = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    int total = 0;
    for (RetentionRule rule : rules) {
      int byRule = 0;
      try {
        RetentionRule.Deleted chunk;
        do {
          chunk = transactions.execute(status -> apply(rule, runId, today));
          byRule += chunk.rows();
        } while (chunk.more());
        deleted.put(rule.kind(), byRule);
      } catch (RuntimeException e) {
        // The type only: a message may quote a row.
        log.error("Retention rule {} failed and deleted nothing more: {}", rule.kind(), e.getClass().getName());
        failed.add(rule.kind());
      }
      total += byRule;
    }
    jdbc.update("update retention_run set finished_at = ?, deleted = ?, failed = ? where id = ?",
        Timestamp.from(Instant.now(clock)), total, failed.toArray(String[]::new), runId);
    return deleted;
  }

  private RetentionRule.Deleted apply(RetentionRule rule, long runId, LocalDate today) {
    RetentionRule.Deleted gone = rule.deleteExpired(today, kept());
    if (gone.rows() > 0) {
      jdbc.update("""
          insert into retention_deletion (run_id, ran_at, kind, deleted, deleted_ids, deleted_keys)
          values (?, ?, ?, ?, ?, ?)""", runId, Timestamp.from(Instant.now(clock)), rule.kind(), gone.rows(),
          gone.ids().toArray(Long[]::new), gone.keys().toArray(String[]::new));
      audit.record(AuditOperation.RETENTION_DELETE, null, "kind=" + rule.kind() + " deleted=" + gone.rows());
    }
    return gone;
  }

  /** Read in each rule's transaction, so that a hold or case begun during the run still counts. */
  private RetentionRule.KeptResidents kept() {
    List<Long> held = holds.heldResidentIds();
    return new RetentionRule.KeptResidents(Stream.concat(held.stream(),
        openCases.residentsWithOpenCases().stream()).distinct().toArray(Long[]::new), !held.isEmpty());
  }

  /** The latest runs, newest first, each with its deletions. */
  @Transactional(readOnly = true)
  List<Run> latest(int limit) {
    Map<Long, List<Deletion>> deletions = new LinkedHashMap<>();
    List<Run> runs = jdbc.query("""
        select id, started_at, finished_at, as_of, deleted, failed from retention_run
        order by started_at desc, id desc limit ?""", (rs, n) -> {
      List<Deletion> ofRun = new ArrayList<>();
      deletions.put(rs.getLong("id"), ofRun);
      Timestamp finished = rs.getTimestamp("finished_at");
      return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
          finished == null ? null : finished.toInstant(), rs.getDate("as_of").toLocalDate(), rs.getInt("deleted"),
          List.of((String[]) rs.getArray("failed").getArray()), ofRun);
    }, limit);
    if (!runs.isEmpty()) {
      jdbc.query("""
          select run_id, kind, deleted, deleted_ids, ran_at from retention_deletion where run_id = any(?)
          order by id""", rs -> {
        deletions.get(rs.getLong("run_id")).add(new Deletion(rs.getString("kind"), rs.getInt("deleted"),
            List.of((Long[]) rs.getArray("deleted_ids").getArray()), rs.getTimestamp("ran_at").toInstant()));
      }, (Object) deletions.keySet().toArray(Long[]::new));
    }
    return runs;
  }

  /** The kinds of data that have a rule, for the screen. */
  List<String> kinds() {
    return rules.stream().map(RetentionRule::kind).toList();
  }
}
