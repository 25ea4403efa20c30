package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A retention rule over the engine's history (R27): one chunk of expired instances per call, chosen, locked and
 * deleted in the caller's transaction, so that a night with millions of them holds no huge transaction and two runs
 * at once (jobs can run twice) skip each other's instances instead of deleting and recording them twice.
 */
abstract class EngineHistoryRule implements RetentionRule {

  final JdbcTemplate jdbc;
  final HistoryService history;
  private final int chunk;

  EngineHistoryRule(JdbcTemplate jdbc, HistoryService history, int chunk) {
    this.jdbc = jdbc;
    this.history = history;
    this.chunk = chunk;
  }

  /**
   * At most {@code limit} instances past their time to live as of {@code startOfToday} (Japan), oldest first, locked
   * ({@code for update skip locked}). The engine writes its times as the JVM's local time into {@code timestamp}
   * columns, and so does the driver with the parameter: compared as written.
   */
  abstract List<String> expired(Timestamp startOfToday, KeptResidents kept, int limit);

  /** Deletes the instances with every history row the engine keeps of them. */
  abstract void delete(List<String> instanceIds);

  @Override
  public final Deleted deleteExpired(LocalDate today, KeptResidents kept) {
    List<String> expired = expired(RetentionRule.cutoff(today, Period.ZERO), kept, chunk);
    if (!expired.isEmpty()) {
      delete(expired);
    }
    return Deleted.chunkOf(expired, expired.size() == chunk);
  }
}
