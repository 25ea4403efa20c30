package jp.lg.immunization.infonetwork.query;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A 転入 proposal that staff took up or dismissed has done its work: what was asked is in the 情報照会 and its own
 * records (R25). It goes, with the dismissal's note, a period after the decision
 * ({@code immunization.retention.query-proposals}, five years by default). An open proposal stays on staff's list.
 */
@Component
class QueryProposalRetention extends ExpiringRecords {

  QueryProposalRetention(JdbcTemplate jdbc, @Value("${immunization.retention.query-proposals:P5Y}") Period keep) {
    super(jdbc, new Spec("QUERY_PROPOSAL", "query_proposal", "t.decided_at < ?", olderThan(keep),
        "t.status in ('STARTED', 'DISMISSED')", "resident_id", List.of()));
  }
}
