package jp.lg.immunization.vaccination;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference lists a dose record is checked against: the 接種区分 each vaccine allows with its shortest intervals,
 * and the 医療機関, 医師 and 実施場所 the city knows. Read once per registration or per batch, as one snapshot.
 */
@Service
class DoseReference {

  record Category(Vaccine vaccine, String name, int sequence, int minDaysAfterPrevious, int minMonthsAfterPrevious,
                  int minDaysAfterFirst) {}

  record Institution(String id, String name, boolean active) {}

  record Doctor(String id, String institutionId, String name, boolean active) {}

  record Place(String id, String name, boolean active) {}

  record Snapshot(Map<Vaccine, Map<String, Category>> categories, Map<String, Institution> institutions,
                  Map<String, Doctor> doctors, Map<String, Place> places) {

    Optional<Category> category(Vaccine vaccine, String name) {
      return Optional.ofNullable(categories.getOrDefault(vaccine, Map.of()).get(name));
    }
  }

  private final JdbcTemplate jdbc;

  DoseReference(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Snapshot snapshot() {
    Map<Vaccine, Map<String, Category>> categories = new HashMap<>();
    jdbc.query("""
        select vaccine, category, sequence, min_days_after_previous, min_months_after_previous, min_days_after_first
        from dose_category order by vaccine, sequence""", rs -> {
      Vaccine vaccine = Vaccine.valueOf(rs.getString(1));
      categories.computeIfAbsent(vaccine, v -> new LinkedHashMap<>()).put(rs.getString(2),
          new Category(vaccine, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
    });
    Map<String, Institution> institutions = new HashMap<>();
    jdbc.query("select id, name, active from medical_institution", rs -> {
      institutions.put(rs.getString(1), new Institution(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    });
    Map<String, Doctor> doctors = new HashMap<>();
    jdbc.query("select id, institution_id, name, active from doctor", rs -> {
      doctors.put(rs.getString(1), new Doctor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    });
    Map<String, Place> places = new HashMap<>();
    jdbc.query("select id, name, active from vaccination_place", rs -> {
      places.put(rs.getString(1), new Place(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    });
    return new Snapshot(categories, institutions, doctors, places);
  }

  /** For the entry form's choices: only what may be chosen today. */
  record Choices(List<VaccineChoice> vaccines, List<Institution> institutions, List<Doctor> doctors,
                 List<Place> places) {}

  record VaccineChoice(String code, String name, List<String> categories) {}

  @Transactional(readOnly = true)
  Choices choices() {
    Snapshot snapshot = snapshot();
    List<VaccineChoice> vaccines = Arrays.stream(Vaccine.values())
        .filter(vaccine -> snapshot.categories().containsKey(vaccine))
        .map(vaccine -> new VaccineChoice(vaccine.name(), vaccine.japaneseName(),
            List.copyOf(snapshot.categories().get(vaccine).keySet())))
        .toList();
    return new Choices(vaccines,
        snapshot.institutions().values().stream().filter(Institution::active)
            .sorted(Comparator.comparing(Institution::id)).toList(),
        snapshot.doctors().values().stream().filter(Doctor::active)
            .sorted(Comparator.comparing(Doctor::id)).toList(),
        snapshot.places().values().stream().filter(Place::active)
            .sorted(Comparator.comparing(Place::id)).toList());
  }
}
