package jp.lg.immunization.vrs;

import java.time.Clock;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The certificate application's timeline. Append-only: the database refuses changes. */
@Component
class CertificateEvents extends CaseTimeline {

  CertificateEvents(JdbcTemplate jdbc, Clock clock) {
    super(jdbc, clock, "vrs_certificate_event", "certificate_id");
  }
}
