package jp.lg.immunization.vaccination.mistake;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The report's timeline: what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class WrongVaccinationEvents extends CaseTimeline {

  WrongVaccinationEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "wrong_vaccination_event", "report_id");
  }
}
