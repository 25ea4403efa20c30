package jp.lg.immunization.disclosure;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed inquiry (受付票, R29) holds what a resident told the office: it is kept
 * {@code immunization.retention.inquiries} (five years by default) after it was closed. An open one stays.
 */
@Component
class InquiryRetention extends ExpiringRecords {

  InquiryRetention(JdbcTemplate jdbc, @Value("${immunization.retention.inquiries:P5Y}") Period keep) {
    super(jdbc, new Spec("INQUIRY", "inquiry", "t.closed_on < ?", daysOlderThan(keep), null, null, List.of()));
  }
}
