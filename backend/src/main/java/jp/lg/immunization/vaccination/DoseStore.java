package jp.lg.immunization.vaccination;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dose_record rows as the registration reads and writes them: by item, with where they came from. */
@Repository
class DoseStore {

  enum Source { COUNTER, BATCH }

  /** One stored record: its items as text (the way they are shown and corrected), and its version. */
  record Stored(long id, long residentId, Map<DoseItem, String> items, int version) {}

  /** The items that are columns of dose_record, in one fixed order for inserts, updates and copies. */
  static final List<DoseItem> COLUMNS = Arrays.stream(DoseItem.values()).filter(item -> item.column() != null)
      .toList();
  static final String COLUMN_LIST = String.join(", ", COLUMNS.stream().map(DoseItem::column).toList());

  private final JdbcTemplate jdbc;

  DoseStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(DoseValidation.Checked checked, Source source, String username) {
    List<Object> args = new ArrayList<>();
    args.add(checked.residentId());
    COLUMNS.forEach(item -> args.add(sqlValue(checked.values().get(item))));
    args.add(source.name());
    args.add(username);
    args.add(checked.errorCodes());
    args.add(checked.errorMessages());
    return jdbc.queryForObject("insert into dose_record (resident_id, " + COLUMN_LIST
        + ", source, registered_by, error_code, error_message) values (?" + ", ?".repeat(COLUMNS.size() + 4)
        + ") returning id", Long.class, args.toArray());
  }

  /** Changes the items of a record at the version the user saw; false when someone else changed it first. */
  boolean update(long id, int version, DoseValidation.Checked checked) {
    List<Object> args = new ArrayList<>();
    COLUMNS.forEach(item -> args.add(sqlValue(checked.values().get(item))));
    args.add(checked.errorCodes());
    args.add(checked.errorMessages());
    args.add(id);
    args.add(version);
    String assignments = String.join(", ", COLUMNS.stream().map(item -> item.column() + " = ?").toList());
    return jdbc.update("update dose_record set " + assignments
        + ", error_code = ?, error_message = ?, version = version + 1 where id = ? and version = ?", args.toArray()) == 1;
  }

  Optional<Stored> find(long id) {
    return jdbc.query("select id, resident_id, version, " + COLUMN_LIST + " from dose_record where id = ?", rs -> {
      if (!rs.next()) {
        return Optional.empty();
      }
      Map<DoseItem, String> items = new LinkedHashMap<>();
      for (DoseItem item : COLUMNS) {
        Object value = rs.getObject(item.column());
        if (value != null) {
          items.put(item, text(value));
        }
      }
      return Optional.of(new Stored(rs.getLong("id"), rs.getLong("resident_id"), items, rs.getInt("version")));
    }, id);
  }

  /** The doses the residents already have, by resident, except one record (the one being corrected). */
  Map<Long, List<DoseValidation.PriorDose>> priorDoses(Collection<Long> residentIds, Long except) {
    Map<Long, List<DoseValidation.PriorDose>> priors = new HashMap<>();
    if (residentIds.isEmpty()) {
      return priors;
    }
    jdbc.query("""
        select resident_id, vaccine, dose_category, dose_date from dose_record
        where resident_id = any(?) and id <> ?""", rs -> {
      long residentId = rs.getLong(1);
      String recorded = rs.getString(2);
      String category = rs.getString(3);
      LocalDate date = rs.getDate(4).toLocalDate();
      Vaccine.fromRecord(recorded).ifPresent(vaccine -> priors.computeIfAbsent(residentId,
          r -> new ArrayList<>()).add(new DoseValidation.PriorDose(vaccine, recorded, category, date)));
    }, residentIds.toArray(Long[]::new), except == null ? -1L : except);
    return priors;
  }

  static Object sqlValue(Object value) {
    if (value instanceof DoseValidation.VaccineName vaccine) {
      return vaccine.recorded();
    }
    if (value instanceof LocalDate date) {
      return Date.valueOf(date);
    }
    return value;
  }

  /** A value as it is shown and compared: the same text whether it was read from the table or just validated. */
  static String text(Object value) {
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString().strip();
  }
}
