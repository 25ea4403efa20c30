package jp.lg.immunization.illness;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A 長期療養特例 that has ended goes with its vaccines and timeline {@code immunization.retention.illness-exceptions}
 * (five years by default, as the dose records it made routine: 施行規則第3条) after its last extension ended, or after
 * it was rejected or withdrawn (a revoked case keeps its last extension's end: doses given under it stay routine ones).
 * A case still awaiting approval, sent back or awaiting a revocation's approval stays.
 */
@Component
class IllnessExceptionRetention extends ExpiringRecords {

  private final JdbcTemplate jdbc;

  IllnessExceptionRetention(JdbcTemplate jdbc,
                            @Value("${immunization.retention.illness-exceptions:P5Y}") Period keep) {
    super(jdbc, new Spec("ILLNESS_EXCEPTION", "illness_exception", "t.expires_on < ?", daysOlderThan(keep),
        "t.status in ('IN_FORCE', 'REJECTED', 'WITHDRAWN', 'REVOKED')", "resident_id",
        List.of("illness_exception_vaccine.exception_id")));
    this.jdbc = jdbc;
  }

  /** The timeline is append-only; only the owner's function deletes it, and only of ended cases (V50). */
  @Override
  protected void beforeDelete(Long[] ids) {
    jdbc.queryForObject("select expire_illness_exception_events(?)", Integer.class, (Object) ids);
  }
}
