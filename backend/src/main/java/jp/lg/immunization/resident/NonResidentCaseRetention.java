package jp.lg.immunization.resident;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A 住登外者確認 that ended without registering anyone (該当者なし, 取下げ, 回答なし) still holds the name and birth date
 * asked about and whatever 市町村CS answered, 個人番号 included. It goes a period after it was opened
 * ({@code immunization.retention.non-resident-cases}, five years by default). A confirmed case stays: it is how its
 * resident came into the register.
 */
@Component
class NonResidentCaseRetention extends ExpiringRecords {

  NonResidentCaseRetention(JdbcTemplate jdbc, @Value("${immunization.retention.non-resident-cases:P5Y}") Period keep) {
    super(jdbc, new Spec("NON_RESIDENT_CASE", "non_resident_case", "t.created_at < ?", olderThan(keep),
        "t.status in ('NOT_FOUND', 'WITHDRAWN', 'TIMED_OUT')", "resident_id", List.of()));
  }
}
