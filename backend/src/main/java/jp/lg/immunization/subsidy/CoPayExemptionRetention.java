package jp.lg.immunization.subsidy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A co-pay exemption application that has ended (notified, returned or withdrawn), with its status matches (R26) and
 * its notice, is kept {@code immunization.retention.copay-exemptions} (five years by default) after it ended.
 */
@Component
class CoPayExemptionRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  CoPayExemptionRetention(JdbcTemplate jdbc, @Value("${immunization.retention.copay-exemptions:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "COPAY_EXEMPTION";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("""
        select e.id from copay_exemption e
        where e.ended_at < ? and e.status in ('NOTIFIED', 'RETURNED', 'WITHDRAWN')
          and (e.resident_id is null or not %s)
        order by e.id""".formatted(RetentionRule.keeps("e.resident_id")), Long.class,
        RetentionRule.cutoff(today, keep));
    if (ids.isEmpty()) {
      return Deleted.of(ids);
    }
    Long[] expired = ids.toArray(Long[]::new);
    jdbc.update("delete from copay_exemption_notice where exemption_id = any (?)", (Object) expired);
    jdbc.update("delete from copay_status_match where exemption_id = any (?)", (Object) expired);
    int rows = jdbc.update("delete from copay_exemption where id = any (?)", (Object) expired);
    return new Deleted(rows, ids);
  }
}
