package jp.lg.immunization.outreach;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which 予診票 were printed for whom: kept {@code immunization.retention.questionnaire-issuances} (five years by
 * default) after printing, to answer "was my child sent one?", then deleted.
 */
@Component
class QuestionnaireIssuanceRetention implements RetentionRule {

  private final JdbcTemplate jdbc;
  private final Period keep;

  QuestionnaireIssuanceRetention(JdbcTemplate jdbc,
                                 @Value("${immunization.retention.questionnaire-issuances:P5Y}") Period keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  @Override
  public String kind() {
    return "QUESTIONNAIRE_ISSUANCE";
  }

  @Override
  public Deleted deleteExpired(LocalDate today) {
    List<Long> ids = jdbc.queryForList("""
        delete from questionnaire_issuance q where q.issued_at < ? and not %s returning q.id"""
        .formatted(RetentionRule.keeps("q.resident_id")), Long.class,
        RetentionRule.cutoff(today, keep));
    return Deleted.of(ids);
  }
}
