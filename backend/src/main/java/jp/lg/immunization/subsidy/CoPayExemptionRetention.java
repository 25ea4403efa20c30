package jp.lg.immunization.subsidy;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A co-pay exemption application that has ended (notified, returned or withdrawn), with its status matches (R26) and
 * its notice, is kept {@code immunization.retention.copay-exemptions} (five years by default) after it ended.
 */
@Component
class CoPayExemptionRetention extends ExpiringRecords {

  CoPayExemptionRetention(JdbcTemplate jdbc, @Value("${immunization.retention.copay-exemptions:P5Y}") Period keep) {
    super(jdbc, new Spec("COPAY_EXEMPTION", "copay_exemption", "t.ended_at < ?", olderThan(keep),
        "t.status in ('NOTIFIED', 'RETURNED', 'WITHDRAWN')", "resident_id",
        List.of("copay_exemption_notice.exemption_id", "copay_status_match.exemption_id")));
  }
}
