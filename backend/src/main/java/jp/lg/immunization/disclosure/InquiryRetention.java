package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed inquiry (受付票, R29) holds what a resident told the office: it is kept
 * {@code immunization.retention.inquiries} (five years by default) after it was closed. An open one stays.
 */
@Component
class InquiryRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  InquiryRetention(JdbcTemplate jdbc, @Value("${immunization.retention.inquiries:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "INQUIRY";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("delete from inquiry where closed_on < ? returning id", Long.class,
        today.minus(keep));
    return Deleted.of(ids);
  }
}
