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
 * The 予防接種台帳 of a resident who moved out or died is kept for a period after that day, the end of the records'
 * use (five years by default, {@code immunization.retention.dose-records}); then their dose records go with their
 * 職権修正 history. A dose that a health-damage relief claim names stays as long as the claim.
 */
@Component
class DoseRecordRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  DoseRecordRetention(JdbcTemplate jdbc, @Value("${immunization.retention.dose-records:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "DOSE_RECORD";
  }

  @Override
  public Deleted deleteExpired(LocalDate today, KeptResidents kept) {
    List<Long> expired = jdbc.queryForList("""
        select d.id from dose_record d join resident r on r.id = d.resident_id
        where r.status in ('MOVED_OUT', 'DECEASED') and r.status_since < ?
          and not exists (select 1 from relief_claim c where c.dose_record_id = d.id)
          and not d.resident_id = any (?)
        order by d.id for update of d""", Long.class, Date.valueOf(today.minus(keep)), kept.ids());
    if (expired.isEmpty()) {
      return Deleted.of(expired);
    }
    Long[] ids = expired.toArray(Long[]::new);
    jdbc.update("delete from dose_correction where dose_record_id = any(?)", (Object) ids);
    jdbc.update("delete from dose_record where id = any(?)", (Object) ids);
    return new Deleted(ids.length, expired);
  }
}
