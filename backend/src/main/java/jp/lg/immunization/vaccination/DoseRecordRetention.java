package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.platform.RetentionRule;
import jp.lg.immunization.resident.ResidentCohorts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 予防接種台帳 of a resident who moved out or died is kept for a period after that day, the end of the records'
 * use (five years by default, {@code immunization.retention.dose-records}); then their dose records go with their
 * 職権修正 history. A dose that another module's records still name (a health-damage relief claim) stays as long as
 * they do ({@link DoseRecordHolds}).
 */
@Component
class DoseRecordRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final ResidentCohorts residents;
  private final List<DoseRecordHolds> holds;
  private final Period keep;

  DoseRecordRetention(JdbcTemplate jdbc, ResidentCohorts residents, List<DoseRecordHolds> holds,
                      @Value("${immunization.retention.dose-records:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.holds = holds;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "DOSE_RECORD";
  }

  @Override
  public Deleted deleteExpired(LocalDate today, KeptResidents kept) {
    List<Long> left = residents.leftBefore(today.minus(keep));
    if (left.isEmpty()) {
      return Deleted.of(List.of());
    }
    List<Long> past = jdbc.queryForList("""
        select d.id from dose_record d where d.resident_id = any (?) and not d.resident_id = any (?)
        order by d.id for update""", Long.class, left.toArray(Long[]::new), kept.ids());
    Set<Long> held = holds.stream().flatMap(owner -> owner.heldAmong(past).stream()).collect(Collectors.toSet());
    List<Long> expired = past.stream().filter(id -> !held.contains(id)).toList();
    if (expired.isEmpty()) {
      return Deleted.of(expired);
    }
    Long[] ids = expired.toArray(Long[]::new);
    jdbc.update("delete from dose_correction where dose_record_id = any(?)", (Object) ids);
    jdbc.update("delete from dose_record where id = any(?)", (Object) ids);
    return new Deleted(ids.length, expired);
  }
}
