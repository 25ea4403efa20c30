package jp.lg.immunization.infonetwork;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 情報提供等記録 are kept seven years (retain_until, set when each was written), then deleted (R25, R27). */
@Component
class ProvisionRecordRetention implements RetentionRule {

  private final JdbcTemplate jdbc;

  ProvisionRecordRetention(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "PROVISION_RECORD";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("delete from provision_record p where p.retain_until < ? and not "
        + RetentionRule.keeps("p.resident_id") + " returning p.id", Long.class, Date.valueOf(today));
    return new Deleted(ids.size(), ids);
  }
}
