package jp.lg.immunization.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The questionnaire_issuance table: which 予診票 went to whom, when, by whom, in which print run. */
@Repository
class QuestionnaireRecords {

  record Issued(long residentId, String doseCategory) {}

  private final JdbcTemplate jdbc;

  QuestionnaireRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(UUID batchId, String vaccine, List<Issued> sheets, Instant issuedAt, String issuedBy) {
    Timestamp at = Timestamp.from(issuedAt);
    jdbc.batchUpdate("""
        insert into questionnaire_issuance (batch_id, resident_id, vaccine, dose_category, issued_at, issued_by)
        values (?, ?, ?, ?, ?, ?)""", sheets, 1_000, (ps, sheet) -> {
      ps.setObject(1, batchId);
      ps.setLong(2, sheet.residentId());
      ps.setString(3, vaccine);
      ps.setString(4, sheet.doseCategory());
      ps.setTimestamp(5, at);
      ps.setString(6, issuedBy);
    });
  }

  /** When each resident last had a 予診票 of the vaccine; residents who never had one are absent. */
  Map<Long, Instant> lastIssued(Collection<Long> residentIds, String vaccine) {
    Map<Long, Instant> last = new HashMap<>();
    if (residentIds.isEmpty() || vaccine == null) {
      return last;
    }
    jdbc.query("""
        select resident_id, max(issued_at) from questionnaire_issuance
        where resident_id = any(?) and vaccine = ? group by resident_id""",
        (RowCallbackHandler) rs -> last.put(rs.getLong(1), rs.getTimestamp(2).toInstant()),
        residentIds.toArray(Long[]::new), vaccine);
    return last;
  }
}
