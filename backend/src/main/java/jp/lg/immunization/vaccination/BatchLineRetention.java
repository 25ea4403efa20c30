package jp.lg.immunization.vaccination;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staged lines of a closed batch (registered or discarded) hold the clinics' data a second time; after a short
 * period for questions they go. The dose records themselves follow the doses' own retention, not this rule.
 */
@Component
class BatchLineRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  BatchLineRetention(JdbcTemplate jdbc, @Value("${immunization.retention.batch-lines:P90D}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "DOSE_BATCH_LINES";
  }

  @Override
  public Deleted deleteExpired(LocalDate today, KeptResidents kept) {
    List<Long> batches = jdbc.queryForList("""
        delete from dose_batch_row r using dose_batch b
        where r.batch_id = b.id and b.closed_at < ? and (r.resident_id is null or not r.resident_id = any (?))
        returning r.batch_id""", Long.class, Date.valueOf(today.minus(keep)), kept.ids());
    return new Deleted(batches.size(), batches.stream().distinct().sorted().toList());
  }
}
