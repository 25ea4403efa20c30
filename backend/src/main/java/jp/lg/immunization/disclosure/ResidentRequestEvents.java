package jp.lg.immunization.disclosure;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The request's timeline (R28): what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class ResidentRequestEvents extends CaseTimeline {

  ResidentRequestEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "resident_request_event", "request_id");
  }
}
