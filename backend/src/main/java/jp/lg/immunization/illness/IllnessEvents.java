package jp.lg.immunization.illness;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The special case's timeline: what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class IllnessEvents extends CaseTimeline {

  IllnessEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "illness_exception_event", "exception_id");
  }
}
