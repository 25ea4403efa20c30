package jp.lg.immunization.outreach;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.vaccination.VaccineEligibility.Status;

/**
 * What staff ask for: residents by age band, district, sex and resident status, and, for one chosen vaccine,
 * by where they stand in its schedule (接種状況, e.g. {@code OVERDUE}) and the dose they are due (接種区分, e.g. 2期).
 * It travels in a request body: nothing of it belongs in a URL.
 *
 * @param ageUnit {@code YEARS} (default) or {@code MONTHS} for infants
 * @param residentStatuses REGISTERED (default), NON_RESIDENT, MOVED_OUT, DECEASED
 * @param vaccine a routine vaccine's code (e.g. MR); required with {@code statuses} or {@code doseCategory}
 */
record CohortCriteria(
    AgeBand.AgeUnit ageUnit,
    @Min(value = 0, message = "年齢は0以上で入力してください") @Max(value = 1560, message = "年齢が大きすぎます") Integer ageFrom,
    @Min(value = 0, message = "年齢は0以上で入力してください") @Max(value = 1560, message = "年齢が大きすぎます") Integer ageTo,
    @Size(max = 100, message = "地区は100件まで選べます") List<@Size(max = 60, message = "地区名が長すぎます") String> districts,
    Sex sex,
    @Size(max = 4, message = "住民の状態が多すぎます") List<String> residentStatuses,
    @Size(max = 40, message = "ワクチンの指定が正しくありません") String vaccine,
    @Size(max = 5, message = "接種状況が多すぎます") List<Status> statuses,
    @Size(max = 40, message = "接種区分は40文字以内で入力してください") String doseCategory) {

  static final String DEFAULT_RESIDENT_STATUS = "REGISTERED";

  CohortCriteria {
    districts = districts == null ? List.of() : districts.stream().filter(d -> d != null && !d.isBlank())
        .map(String::strip).distinct().toList();
    residentStatuses = residentStatuses == null || residentStatuses.isEmpty()
        ? List.of(DEFAULT_RESIDENT_STATUS) : List.copyOf(residentStatuses);
    vaccine = vaccine == null || vaccine.isBlank() ? null : vaccine.strip();
    statuses = statuses == null ? List.of() : statuses.stream().distinct().toList();
    doseCategory = doseCategory == null || doseCategory.isBlank() ? null : doseCategory.strip();
  }

  AgeBand ageBand() {
    return new AgeBand(ageUnit, ageFrom, ageTo);
  }

  /** Whether rows can be known to match only by evaluating the vaccine's table for each of them. */
  boolean filtersByEligibility() {
    return !statuses.isEmpty() || doseCategory != null;
  }

  /**
   * The criteria for the audit trail: codes, numbers and district names, none of them anyone's personal data
   * (the district names are checked against the known districts before this is written).
   */
  String describe() {
    List<String> parts = new ArrayList<>();
    AgeBand band = ageBand();
    if (!band.isOpen()) {
      parts.add("age=" + (ageFrom == null ? "" : ageFrom) + "-" + (ageTo == null ? "" : ageTo) + band.unit());
    }
    if (!districts.isEmpty()) {
      String names = String.join("|", new TreeSet<>(districts));
      // The audit detail has room for 2,000 characters: a long list is logged by its size.
      parts.add("districts=" + (names.length() <= 600 ? names : districts.size() + "件"));
    }
    if (sex != null) {
      parts.add("sex=" + sex);
    }
    parts.add("residentStatuses=" + String.join("|", new TreeSet<>(residentStatuses)));
    if (vaccine != null) {
      parts.add("vaccine=" + vaccine);
    }
    if (!statuses.isEmpty()) {
      parts.add("statuses=" + String.join("|", statuses.stream().map(Enum::name).sorted().toList()));
    }
    if (doseCategory != null) {
      parts.add("doseCategory=" + doseCategory);
    }
    return String.join(" ", parts);
  }

  Set<String> districtSet() {
    return Set.copyOf(districts);
  }
}
