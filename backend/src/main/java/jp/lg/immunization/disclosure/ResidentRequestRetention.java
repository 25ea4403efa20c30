package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A disclosure, correction or suspension request that has ended (closed after its notice, or returned) goes with its
 * collected data, correction, extension and timeline {@code immunization.retention.resident-requests} (five years by
 * default) after its last timeline entry.
 */
@Component
class ResidentRequestRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  ResidentRequestRetention(JdbcTemplate jdbc, @Value("${immunization.retention.resident-requests:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "RESIDENT_REQUEST";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("""
        select r.id from resident_request r
        where r.status in ('CLOSED', 'RETURNED') and not %s
          and (select max(e.occurred_at) from resident_request_event e where e.request_id = r.id) < ?
        order by r.id""".formatted(RetentionRule.keeps("r.resident_id")), Long.class,
        RetentionRule.cutoff(today, keep));
    if (ids.isEmpty()) {
      return Deleted.of(ids);
    }
    Long[] expired = ids.toArray(Long[]::new);
    // The timeline is append-only for everyone but this rule (V25).
    jdbc.queryForObject("select set_config('immunization.retention', 'on', true)", String.class);
    for (String table : List.of("resident_request_event", "resident_request_extension", "resident_request_package",
        "resident_request_correction")) {
      jdbc.update("delete from " + table + " where request_id = any (?)", (Object) expired);
    }
    return new Deleted(jdbc.update("delete from resident_request where id = any (?)", (Object) expired), ids);
  }
}
