package jp.lg.immunization.disclosure;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
/**
 * A disclosure, correction or suspension request that has ended (closed after its notice, or returned) goes with its
 * collected data, correction, extension and timeline {@code immunization.retention.resident-requests} (five years by
 * default) after its last timeline entry.
 */
@Component
class ResidentRequestRetention extends ExpiringRecords {

  private final JdbcTemplate jdbc;

  ResidentRequestRetention(JdbcTemplate jdbc, @Value("${immunization.retention.resident-requests:P5Y}") Period keep) {
    super(jdbc, new Spec("RESIDENT_REQUEST", "resident_request",
        "(select max(e.occurred_at) from resident_request_event e where e.request_id = t.id) < ?", olderThan(keep),
        "t.status in ('CLOSED', 'RETURNED')", "resident_id", List.of("resident_request_extension.request_id",
            "resident_request_package.request_id", "resident_request_correction.request_id")));
    this.jdbc = jdbc;
  }

  /** The timeline is append-only; only the owner's function deletes it, and only of ended cases (V50). */
  @Override
  protected void beforeDelete(Long[] ids) {
    jdbc.queryForObject("select expire_resident_request_events(?)", Integer.class, (Object) ids);
  }
}
