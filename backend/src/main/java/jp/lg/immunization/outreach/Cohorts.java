package jp.lg.immunization.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentCohorts;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.vaccination.BClassQualifications;
import jp.lg.immunization.vaccination.DoseRecords;
import jp.lg.immunization.vaccination.Eligibility;
import jp.lg.immunization.vaccination.EligibilityExtensions;
import jp.lg.immunization.vaccination.VaccineEligibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves cohort criteria into residents. The plain criteria narrow by SQL first (age band as a birth-date range,
 * district, sex, resident status); only then, and only for the chosen vaccine, is its eligibility table evaluated,
 * for every remaining resident when the vaccine status is a criterion, otherwise just for the rows shown.
 * Callers audit what they show or hand out.
 */
@Service
class Cohorts {

  /** A resident of the cohort and, when a vaccine was chosen, where they stand in its schedule today. */
  record Row(ResidentCohorts.Member member, VaccineEligibility eligibility) {}

  record Page(List<Row> rows, int page, int size, long total, LocalDate asOf) {}

  /**
   * How many residents the vaccine's table is evaluated for at most in one request: Camunda's FEEL engine takes
   * about half a millisecond per evaluation here, so this bounds a request to a few seconds.
   */
  static final int MAX_EVALUATED = 5_000;
  private static final int DOSE_BATCH = 5_000;
  private static final int MAX_AGE_YEARS = 130;

  private final ResidentCohorts residents;
  private final DoseRecords doseRecords;
  private final Eligibility eligibility;
  private final EligibilityExtensions extensions;
  private final BClassQualifications qualifications;
  private final Clock clock;

  Cohorts(ResidentCohorts residents, DoseRecords doseRecords, Eligibility eligibility,
      EligibilityExtensions extensions, BClassQualifications qualifications, Clock clock) {
    this.residents = residents;
    this.doseRecords = doseRecords;
    this.eligibility = eligibility;
    this.extensions = extensions;
    this.qualifications = qualifications;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<Eligibility.RoutineVaccine> vaccines() {
    return eligibility.routineVaccines();
  }

  @Transactional(readOnly = true)
  List<String> districts() {
    return residents.districts();
  }

  /** One page of the cohort in kana order. */
  Page page(CohortCriteria criteria, int page, int size) {
    LocalDate today = LocalDate.now(clock);
    ResidentCohorts.Filter filter = filter(criteria, today);
    if (criteria.filtersByEligibility()) {
      List<Row> matching = evaluateAll(criteria, filter, today);
      int from = (int) Math.min((long) page * size, matching.size());
      return new Page(matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size(),
          today);
    }
    long total = residents.count(filter);
    List<ResidentCohorts.Member> members = residents.list(filter, (long) page * size, size);
    return new Page(evaluate(criteria, members, today), page, size, total, today);
  }

  /**
   * The whole cohort, for an export or a print run.
   *
   * @param limit the most rows the caller can take; more is a validation error naming {@code what}
   */
  List<Row> all(CohortCriteria criteria, int limit, String what) {
    LocalDate today = LocalDate.now(clock);
    ResidentCohorts.Filter filter = filter(criteria, today);
    List<Row> rows;
    if (criteria.filtersByEligibility()) {
      rows = evaluateAll(criteria, filter, today);
    } else {
      long total = residents.count(filter);
      if (total > limit) {
        throw tooMany(what, total, limit);
      }
      rows = evaluate(criteria, residents.list(filter, 0, limit), today);
    }
    if (rows.size() > limit) {
      throw tooMany(what, rows.size(), limit);
    }
    return rows;
  }

  private List<Row> evaluateAll(CohortCriteria criteria, ResidentCohorts.Filter filter, LocalDate today) {
    long candidates = residents.count(filter);
    if (candidates > MAX_EVALUATED) {
      throw ApiException.invalid("接種状況で絞り込むには対象者が多すぎます（" + candidates + "人）。年齢や地区で"
          + String.format("%,d", MAX_EVALUATED) + "人以下に絞り込んでください", Map.of("ageFrom", "年齢の範囲を狭めてください"));
    }
    return evaluate(criteria, residents.list(filter, 0, MAX_EVALUATED), today).stream()
        .filter(row -> matches(criteria, row.eligibility())).toList();
  }

  private static boolean matches(CohortCriteria criteria, VaccineEligibility judged) {
    return (criteria.statuses().isEmpty() || criteria.statuses().contains(judged.status()))
        && (criteria.doseCategory() == null || criteria.doseCategory().equals(judged.nextDose()));
  }

  /** Judges each member for the chosen vaccine (rows without eligibility when none was chosen). */
  private List<Row> evaluate(CohortCriteria criteria, List<ResidentCohorts.Member> members, LocalDate today) {
    if (criteria.vaccine() == null) {
      return members.stream().map(member -> new Row(member, null)).toList();
    }
    List<Row> rows = new ArrayList<>(members.size());
    // Residents born on the same day with the same doses (often none) and the same 長期療養特例 (usually none) stand
    // in the same place: judged once.
    Map<Judged, VaccineEligibility> judged = new HashMap<>();
    for (int from = 0; from < members.size(); from += DOSE_BATCH) {
      List<ResidentCohorts.Member> batch = members.subList(from, Math.min(from + DOSE_BATCH, members.size()));
      List<Long> ids = batch.stream().map(ResidentCohorts.Member::id).toList();
      Map<Long, List<DoseRecords.Dose>> doses = doseRecords.ofResidents(ids);
      Map<Long, List<Eligibility.Extension>> extended = extensions.ofResidents(ids);
      Set<Long> qualified = qualifications.holding(ids);
      for (ResidentCohorts.Member member : batch) {
        Judged key = new Judged(member.birthDate(), member.sex(), doses.getOrDefault(member.id(), List.of()),
            extended.getOrDefault(member.id(), List.of()), qualified.contains(member.id()));
        rows.add(new Row(member, judged.computeIfAbsent(key, k -> eligibility.forVaccine(criteria.vaccine(),
            k.birthDate(), k.sex().name(), k.doses(), k.disability(), k.extensions(), today))));
      }
    }
    return rows;
  }

  private record Judged(LocalDate birthDate, Sex sex, List<DoseRecords.Dose> doses,
                        List<Eligibility.Extension> extensions, boolean disability) {}

  /** Checks the criteria as a whole (the fields were checked at the API edge) and turns them into SQL filters. */
  private ResidentCohorts.Filter filter(CohortCriteria criteria, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    AgeBand band = criteria.ageBand();
    if (band.unit() == AgeBand.AgeUnit.YEARS && ((band.from() != null && band.from() > MAX_AGE_YEARS)
        || (band.to() != null && band.to() > MAX_AGE_YEARS))) {
      errors.put("ageTo", "年齢は" + MAX_AGE_YEARS + "歳までで入力してください");
    } else if (band.from() != null && band.to() != null && band.from() > band.to()) {
      errors.put("ageTo", "年齢の上限は下限以上にしてください");
    }
    if (!ResidentCohorts.STATUSES.containsAll(criteria.residentStatuses())) {
      errors.put("residentStatuses", "住民の状態の指定が正しくありません");
    }
    if (criteria.vaccine() != null
        && vaccines().stream().noneMatch(vaccine -> vaccine.code().equals(criteria.vaccine()))) {
      errors.put("vaccine", "ワクチンを一覧から選んでください");
    } else if (criteria.vaccine() == null && criteria.filtersByEligibility()) {
      errors.put("vaccine", "接種状況や接種区分で絞り込むには、ワクチンを選んでください");
    }
    if (!criteria.districts().isEmpty()) {
      Set<String> known = Set.copyOf(residents.districts());
      List<String> unknown = criteria.districts().stream().filter(d -> !known.contains(d)).toList();
      if (!unknown.isEmpty()) {
        errors.put("districts", "登録されていない地区です：" + String.join("、", unknown));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("検索条件に誤りがあります", errors);
    }
    LocalDate bornUntil = band.bornUntil(today);
    return new ResidentCohorts.Filter(band.bornFrom(today), bornUntil, criteria.districtSet(),
        criteria.sex() == null ? null : criteria.sex().name(),
        criteria.residentStatuses().stream().collect(Collectors.toSet()));
  }

  private static ApiException tooMany(String what, long count, int limit) {
    return ApiException.invalid(what + "は1回" + String.format("%,d", limit) + "件までです（該当 " + String.format("%,d", count)
        + "件）。年齢や地区で絞り込んでください", Map.of("ageFrom", "年齢の範囲を狭めてください"));
  }
}
