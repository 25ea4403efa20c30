package jp.lg.immunization.outreach;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which 予診票 were printed for whom: kept {@code immunization.retention.questionnaire-issuances} (five years by
 * default) after printing, to answer "was my child sent one?", then deleted.
 */
@Component
class QuestionnaireIssuanceRetention extends ExpiringRecords {

  QuestionnaireIssuanceRetention(JdbcTemplate jdbc,
                                 @Value("${immunization.retention.questionnaire-issuances:P5Y}") Period keep) {
    super(jdbc, new Spec("QUESTIONNAIRE_ISSUANCE", "questionnaire_issuance", "t.issued_at < ?", olderThan(keep), null,
        "resident_id", List.of()));
  }
}
