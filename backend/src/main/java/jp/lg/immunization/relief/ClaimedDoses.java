package jp.lg.immunization.relief;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.lg.immunization.vaccination.DoseRecordHolds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A dose that a relief claim names stays as long as the claim: it is the evidence the claim is about. */
@Component
class ClaimedDoses implements DoseRecordHolds {

  private final JdbcTemplate jdbc;

  ClaimedDoses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<Long> heldAmong(List<Long> doseRecordIds) {
    return new HashSet<>(jdbc.queryForList("select dose_record_id from relief_claim where dose_record_id = any(?)",
        Long.class, (Object) doseRecordIds.toArray(Long[]::new)));
  }
}
