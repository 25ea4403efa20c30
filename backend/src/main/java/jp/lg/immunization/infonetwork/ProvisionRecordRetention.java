package jp.lg.immunization.infonetwork;

import java.sql.Date;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
/** 情報提供等記録 are kept seven years (retain_until, set when each was written), then deleted (R25, R27). */
@Component
class ProvisionRecordRetention extends ExpiringRecords {

  ProvisionRecordRetention(JdbcTemplate jdbc) {
    super(jdbc, new Spec("PROVISION_RECORD", "provision_record", "t.retain_until < ?", Date::valueOf, null,
        "resident_id", List.of()));
  }
}
