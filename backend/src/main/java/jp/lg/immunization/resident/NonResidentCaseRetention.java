package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
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
class NonResidentCaseRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  NonResidentCaseRetention(JdbcTemplate jdbc, @Value("${immunization.retention.non-resident-cases:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "NON_RESIDENT_CASE";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("""
        delete from non_resident_case c
        where c.status in ('NOT_FOUND', 'WITHDRAWN', 'TIMED_OUT') and c.created_at < ?
          and (c.resident_id is null or not %s)
        returning c.id""".formatted(RetentionRule.keeps("c.resident_id")), Long.class,
        RetentionRule.cutoff(today, keep));
    return Deleted.of(ids);
  }
}
