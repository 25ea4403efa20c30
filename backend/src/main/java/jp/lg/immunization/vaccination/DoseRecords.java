package jp.lg.immunization.vaccination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A resident's doses as other modules need them: the master record that the 副本 copies. */
@Service
public class DoseRecords {

  public record Dose(String vaccine, String doseCategory, LocalDate doseDate, String lotNumber, String institutionId) {}

  /**
   * A dose as staff see it on the case page: the vaccine's Japanese name, where it came from, and its エラーコード
   * when it was registered with a confirmed warning.
   */
  public record Entry(long id, String vaccineCode, String vaccine, String doseCategory, LocalDate doseDate,
                      String lotNumber, String institutionId, String institutionName, String source,
                      String errorCode, String errorMessage, int corrections) {}

  record Detail(Entry entry, Map<String, String> items, int version) {}

  private final JdbcTemplate jdbc;
  private final DoseStore store;
  private final AuditTrail audit;

  DoseRecords(JdbcTemplate jdbc, DoseStore store, AuditTrail audit) {
    this.jdbc = jdbc;
    this.store = store;
    this.audit = audit;
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

  /** A resident's dose records with their ids, e.g. to link a relief claim to the dose it concerns. */
  public List<Entry> recordsOf(long residentId) {
    return timeline(residentId);
  }

  List<Entry> timeline(long residentId) {
    return entries("d.resident_id = ?", residentId);
  }

  @Transactional
  Detail detail(long id) {
    List<Entry> found = entries("d.id = ?", id);
    if (found.isEmpty()) {
      throw ApiException.notFound("接種記録が見つかりません");
    }
    DoseStore.Stored stored = store.find(id).orElseThrow();
    audit.record(AuditOperation.RESIDENT_VIEW, stored.residentId(), "dose record " + id);
    Map<String, String> items = new LinkedHashMap<>();
    stored.items().forEach((item, value) -> items.put(item.key(), value));
    return new Detail(found.get(0), items, stored.version());
  }

  private List<Entry> entries(String condition, long key) {
    return jdbc.query("""
        select d.id, d.vaccine, d.dose_category, d.dose_date, d.lot_number, d.institution_id, i.name, d.source,
               d.error_code, d.error_message, (select count(*) from dose_correction c where c.dose_record_id = d.id)
        from dose_record d left join medical_institution i on i.id = d.institution_id
        where %s order by d.dose_date, d.id""".formatted(condition), (rs, n) -> {
      String recorded = rs.getString(2);
      Vaccine vaccine = Vaccine.fromRecord(recorded).orElse(null);
      return new Entry(rs.getLong(1), vaccine == null ? null : vaccine.name(),
          vaccine == null ? recorded : vaccine.japaneseName(), rs.getString(3), rs.getDate(4).toLocalDate(),
          rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
          rs.getInt(11));
    }, key);
  }
}
