package jp.lg.immunization.infonetwork.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R20: raw results of completed or aborted queries are deleted once their retention period has
 * passed, with a record of what was deleted and when. Safe on several nodes: deleting twice deletes nothing.
 *
 * <p>Not a {@link jp.lg.immunization.platform.ExpiringRecords} rule of the R27 run: the rows are keyed by query
 * (no {@code id}), expire by their query's end plus a configurable duration rather than by whole days, are kept for
 * no one (a legal hold keeps the saved copy in the resident's record, not the raw answer), and every deletion is
 * recorded in {@code query_result_deletion}, which the case page shows.
 */
@Component
class QueryResultRetention {

  private static final Logger log = LoggerFactory.getLogger(QueryResultRetention.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration retention;

  QueryResultRetention(JdbcTemplate jdbc, Clock clock,
                       @Value("${immunization.info-network.result-retention:P30D}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  @Scheduled(cron = "${immunization.info-network.result-retention-cron:0 30 2 * * *}", zone = "Asia/Tokyo")
  @SchedulerLock(name = "query-result-retention")
  void deleteExpired() {
    int deleted = deleteEndedBefore(Instant.now(clock).minus(retention));
    if (deleted > 0) {
      log.info("Deleted {} information query results past their retention period", deleted);
    }
  }

  @Transactional
  int deleteEndedBefore(Instant cutoff) {
    Timestamp before = Timestamp.from(cutoff);
    jdbc.update("""
        insert into query_result_deletion (query_id, deleted_at, reason)
        select r.query_id, ?, 'RETENTION' from query_result r join information_query q on q.id = r.query_id
        where q.ended_at < ?
        on conflict (query_id) do nothing""", Timestamp.from(Instant.now(clock)), before);
    return jdbc.update("""
        delete from query_result r using information_query q
        where q.id = r.query_id and q.ended_at < ?""", before);
  }
}
