package jp.lg.immunization.resident;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A staff entry of a new resident that a supervisor rejected holds the items entered of a person the register never
 * took, 個人番号 included (encrypted). It goes a period after it was requested
 * ({@code immunization.retention.resident-entries}, five years by default, as a 住登外者確認 that registered nobody).
 * A registered entry stays: it is how its resident came into the register; one awaiting approval is a running case.
 */
@Component
class ResidentEntryRetention extends ExpiringRecords {

  ResidentEntryRetention(JdbcTemplate jdbc, @Value("${immunization.retention.resident-entries:P5Y}") Period keep) {
    super(jdbc, new Spec("RESIDENT_ENTRY", "resident_entry", "t.requested_at < ?", olderThan(keep),
        "t.status = 'REJECTED'", "resident_id", List.of()));
  }
}
