package jp.lg.immunization.vaccination.mistake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.lg.immunization.vaccination.DoseRecordHolds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A dose with a 予防接種の間違い report stays as long as its report does. */
@Component
class ReportedDoses implements DoseRecordHolds {

  private final JdbcTemplate jdbc;

  ReportedDoses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<Long> heldAmong(List<Long> doseRecordIds) {
    return new HashSet<>(jdbc.queryForList(
        "select dose_record_id from wrong_vaccination_report where dose_record_id = any (?)", Long.class,
        (Object) doseRecordIds.toArray(Long[]::new)));
  }
}
