package jp.lg.immunization.vaccination;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import jp.lg.immunization.resident.ResidentCohorts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident's B類 qualifications explain how their doses were judged, so they go with the dose records: the same
 * period after the resident moved out or died ({@code immunization.retention.dose-records}).
 */
@Component
class BClassQualificationRetention extends ExpiringRecords {

  BClassQualificationRetention(JdbcTemplate jdbc, ResidentCohorts residents,
                               @Value("${immunization.retention.dose-records:P5Y}") Period keep) {
    super(jdbc, new Spec("B_CLASS_QUALIFICATION", "b_class_qualification", "t.resident_id = any (?)",
        today -> residents.leftBefore(today.minus(keep)).toArray(Long[]::new), null, "resident_id", List.of()));
  }
}
