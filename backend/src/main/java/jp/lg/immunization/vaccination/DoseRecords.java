package jp.lg.immunization.vaccination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/** A resident's doses as other modules need them: the master record that the 副本 copies. */
@Service
public class DoseRecords {

  public record Dose(String vaccine, String doseCategory, LocalDate doseDate, String lotNumber, String institutionId) {}

  private final JdbcTemplate jdbc;

  DoseRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Dose> of(long residentId) {
    return jdbc.query("""
        select vaccine, dose_category, dose_date, lot_number, institution_id from dose_record
        where resident_id = ? order by dose_date, id""",
        (rs, n) -> dose(rs), residentId);
  }

  /** The doses of many residents in one query, oldest first per resident; residents without doses are absent. */
  public Map<Long, List<Dose>> ofResidents(Collection<Long> residentIds) {
    Map<Long, List<Dose>> doses = new HashMap<>();
    if (residentIds.isEmpty()) {
      return doses;
    }
    jdbc.query("""
        select resident_id, vaccine, dose_category, dose_date, lot_number, institution_id from dose_record
        where resident_id = any(?) order by resident_id, dose_date, id""",
        (RowCallbackHandler) rs ->
            doses.computeIfAbsent(rs.getLong("resident_id"), id -> new ArrayList<>()).add(dose(rs)),
        (Object) residentIds.toArray(Long[]::new));
    return doses;
  }

  private static Dose dose(ResultSet rs) throws SQLException {
    return new Dose(rs.getString("vaccine"), rs.getString("dose_category"), rs.getDate("dose_date").toLocalDate(),
        rs.getString("lot_number"), rs.getString("institution_id"));
  }
}
