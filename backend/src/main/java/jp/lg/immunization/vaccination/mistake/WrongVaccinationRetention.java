package jp.lg.immunization.vaccination.mistake;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A report sent to the prefecture goes with its timeline {@code immunization.retention.wrong-vaccinations} (five years
 * by default) after it was reported. Until then it holds its dose record ({@link ReportedDoses}).
 */
@Component
class WrongVaccinationRetention extends ExpiringRecords {

  private final JdbcTemplate jdbc;

  WrongVaccinationRetention(JdbcTemplate jdbc,
                            @Value("${immunization.retention.wrong-vaccinations:P5Y}") Period keep) {
    super(jdbc, new Spec("WRONG_VACCINATION_REPORT", "wrong_vaccination_report", "t.ended_at < ?", olderThan(keep),
        "t.status = 'REPORTED'", "resident_id", List.of()));
    this.jdbc = jdbc;
  }

  /** The timeline is append-only; only the owner's function deletes it, and only of ended cases (V50). */
  @Override
  protected void beforeDelete(Long[] ids) {
    jdbc.queryForObject("select expire_wrong_vaccination_events(?)", Integer.class, (Object) ids);
  }
}
