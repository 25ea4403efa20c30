package jp.lg.immunization.relief;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The claim's timeline (R33): what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class ReliefEvents extends CaseTimeline {

  ReliefEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "relief_event", "claim_id");
  }
}
