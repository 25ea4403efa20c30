package jp.lg.immunization.outsideprovision;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A provision's timeline: what happened, when and by whom. Append-only: the database refuses changes (V63). */
@Component
class OutsideProvisionEvents extends CaseTimeline {

  OutsideProvisionEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "outside_provision_event", "provision_id");
  }
}
