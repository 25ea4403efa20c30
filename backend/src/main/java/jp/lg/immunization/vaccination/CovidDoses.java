package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' COVID-19 doses with the items the ワクチン接種記録システム (VRS) keeps of them, oldest first, for the
 * module that registers them there. 接種種別 is free text in older data, so every spelling of the vaccine counts.
 */
@Service
public class CovidDoses {

  public record CovidDose(long doseRecordId, LocalDate doseDate, String doseCategory, String vaccineMaker,
                          String lotNumber) {}

  private final JdbcTemplate jdbc;

  CovidDoses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** In one query for a batch's residents; residents without COVID-19 doses are absent. */
  @Transactional(readOnly = true)
  public Map<Long, List<CovidDose>> ofResidents(Collection<Long> residentIds) {
    Map<Long, List<CovidDose>> doses = new HashMap<>();
    if (residentIds.isEmpty()) {
      return doses;
    }
    // The SQL narrows by the spellings' common parts; the vaccine's own list of names decides.
    jdbc.query("""
        select resident_id, vaccine, id, dose_date, dose_category, vaccine_maker, lot_number from dose_record
        where resident_id = any(?) and (vaccine like '%コロナ%' or upper(normalize(vaccine, NFKC)) like '%COVID%')
        order by resident_id, dose_date, id""", (RowCallbackHandler) rs -> {
          if (Vaccine.fromRecord(rs.getString(2)).orElse(null) == Vaccine.COVID) {
            doses.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new CovidDose(rs.getLong(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7)));
          }
        }, (Object) residentIds.toArray(Long[]::new));
    return doses;
  }
}
