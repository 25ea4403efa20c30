package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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
        (rs, n) -> new Dose(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
            rs.getString(5)), residentId);
  }
}
