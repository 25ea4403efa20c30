package jp.lg.immunization.vrs;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The mover query's timeline: what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class MoverQueryEvents extends CaseTimeline {

  MoverQueryEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "vrs_mover_query_event", "query_id");
  }
}
