package jp.lg.immunization.vaccination;

import java.time.Period;
import java.util.Collection;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import jp.lg.immunization.resident.ResidentCohorts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 予防接種台帳 of a resident who moved out or died is kept for a period after that day, the end of the records'
 * use (five years by default, {@code immunization.retention.dose-records}); then their dose records go with their
 * 職権修正 history and any explanation that a flagged dose was no mistake. A dose that other records still name (a
 * health-damage relief claim, a 予防接種の間違い report) stays as long as they do ({@link DoseRecordHolds}).
 */
@Component
class DoseRecordRetention extends ExpiringRecords {

  private final List<DoseRecordHolds> holds;

  DoseRecordRetention(JdbcTemplate jdbc, ResidentCohorts residents, List<DoseRecordHolds> holds,
                      @Value("${immunization.retention.dose-records:P5Y}") Period keep) {
    super(jdbc, new Spec("DOSE_RECORD", "dose_record", "t.resident_id = any (?)",
        today -> residents.leftBefore(today.minus(keep)).toArray(Long[]::new), null, "resident_id",
        List.of("dose_correction.dose_record_id", "wrong_vaccination_dismissal.dose_record_id")));
    this.holds = holds;
  }

  @Override
  protected Collection<Long> stillNeeded(List<Long> past) {
    return holds.stream().flatMap(owner -> owner.heldAmong(past).stream()).toList();
  }
}
