package jp.lg.immunization.vaccination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.LegalDates;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;

/**
 * The checks a clerk expects of a dose record, each with its エラーコード: required items and formats, the resident
 * and their birth date and sex as registered, the vaccine and its 接種区分, a dose date neither in the future nor
 * before birth, the interval since the previous dose of the same series, the lot number, and the institution,
 * doctor and place on the city's lists, and whether the dose is a routine vaccination at all (E034). Pure: callers
 * pass the resident, the earlier doses, the reference lists and the routine rule.
 */
final class DoseValidation {

  /**
   * The vaccine and the name the record keeps: the text as sent (四種混合 and 五種混合 are one series but only the
   * latter contains Hib), or the Japanese name when the vaccine's code was sent.
   */
  record VaccineName(Vaccine vaccine, String recorded) {
    @Override
    public String toString() {
      return recorded;
    }
  }

  /**
   * A dose already on record (or earlier in the same batch) that a new one is compared with, with the vaccine's name
   * as recorded (四種混合 and 五種混合 are one series, but only the latter replaces ヒブ).
   */
  record PriorDose(Vaccine vaccine, String recorded, String category, LocalDate date) {

    PriorDose(VaccineName vaccine, String category, LocalDate date) {
      this(vaccine.vaccine(), vaccine.recorded(), category, date);
    }
  }

  /**
   * Whether a dose is a routine vaccination on its date — in its age window, after its intervals, within its count
   * and target group — as the eligibility tables judge it. Empty when it is; otherwise the rule it breaks, in words
   * a clerk reads. A dose that is not is a 予防接種の間違い to be reported, so it is registered only as a confirmed
   * warning (E034) and listed for the report.
   */
  interface RoutineRule {
    Optional<String> broken(ResidentRef resident, VaccineName vaccine, LocalDate date, Collection<PriorDose> priors);
  }

  /** The typed values for dose_record, by item; present only when the record has no error. */
  record Checked(Long residentId, Map<DoseItem, Object> values, List<DoseProblem> problems) {

    boolean hasErrors() {
      return problems.stream().anyMatch(problem -> !problem.warning());
    }

    boolean hasWarnings() {
      return problems.stream().anyMatch(DoseProblem::warning);
    }

    /** The エラーコード kept on a record registered with confirmed warnings. */
    String errorCodes() {
      return problems.isEmpty() ? null : String.join(",", problems.stream().map(DoseProblem::code).toList());
    }

    /** The messages kept beside the codes, cut to the column's 500 characters (the codes stay whole). */
    String errorMessages() {
      if (problems.isEmpty()) {
        return null;
      }
      String messages = String.join(" / ", problems.stream().map(DoseProblem::text).toList());
      return messages.length() <= 500 ? messages : messages.substring(0, 499) + "…";
    }

    Vaccine vaccine() {
      return ((VaccineName) values.get(DoseItem.VACCINE)).vaccine();
    }

    LocalDate doseDate() {
      return (LocalDate) values.get(DoseItem.DOSE_DATE);
    }

    String category() {
      return (String) values.get(DoseItem.DOSE_CATEGORY);
    }
  }

  private static final Pattern LOT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/年]?(\\d{1,2})月?");
  private static final BigDecimal MIN_VOLUME = new BigDecimal("0.05");
  private static final BigDecimal MAX_VOLUME = new BigDecimal("1.00");
  private static final BigDecimal MAX_SIZE = new BigDecimal("99.9");
  /** Given once per season or year, so the same 接種区分 recurs legitimately on other dates. */
  private static final Set<Vaccine> SEASONAL = Set.of(Vaccine.INFLUENZA_ELDERLY, Vaccine.COVID);

  private DoseValidation() {}

  static Checked check(DoseInput input, Optional<ResidentRef> resident, Collection<PriorDose> priors,
                       DoseReference.Snapshot reference, LocalDate today, RoutineRule routine) {
    List<DoseProblem> problems = new ArrayList<>();
    Map<DoseItem, Object> values = new EnumMap<>(DoseItem.class);
    for (DoseItem item : DoseItem.values()) {
      read(input, item, problems).ifPresent(value -> values.put(item, value));
    }
    if (input.has(DoseItem.ADDRESSEE_NUMBER) && resident.isEmpty()) {
      problems.add(DoseProblem.error("E010", DoseItem.ADDRESSEE_NUMBER, "この宛名番号の住民は登録されていません"));
    }
    resident.ifPresent(person -> checkAgainstRegister(person, values, problems));
    checkVaccine(input, values, reference, problems);
    checkDate(values, resident, today, problems);
    checkInstitutions(values, reference, problems);
    if (!hasErrors(problems)) {
      checkSeries(values, priors, reference, problems);
    }
    // A short interval (E032) already names the rule the dose breaks.
    if (!hasErrors(problems) && resident.isPresent() && problems.stream().noneMatch(p -> p.code().equals("E032"))) {
      routine.broken(resident.get(), (VaccineName) values.get(DoseItem.VACCINE), (LocalDate) values.get(
          DoseItem.DOSE_DATE), priors).ifPresent(rule -> problems.add(DoseProblem.warning("E034", DoseItem.DOSE_DATE,
          "定期接種の対象になりません（" + rule + "）。予防接種の間違いとして報告の対象になります")));
    }
    return new Checked(resident.map(ResidentRef::id).orElse(null), hasErrors(problems) ? Map.of() : values,
        List.copyOf(problems));
  }

  private static Optional<Object> read(DoseInput input, DoseItem item, List<DoseProblem> problems) {
    String text = input.get(item);
    if (text == null) {
      if (item.required()) {
        problems.add(DoseProblem.error("E001", item, item.label() + "が入力されていません"));
      }
      return Optional.empty();
    }
    if (text.length() > item.maxLength()) {
      problems.add(DoseProblem.error("E003", item, item.label() + "が長すぎます（" + item.maxLength() + "文字まで）"));
      return Optional.empty();
    }
    Optional<Object> value = switch (item.kind()) {
      case TEXT -> Optional.of(text);
      case DATE -> JapaneseDates.parse(text).map(Object.class::cast);
      case MONTH -> month(text);
      case SEX -> sex(text);
      case LOT -> Optional.of(text.toUpperCase(Locale.ROOT)).filter(lot -> LOT.matcher(lot).matches())
          .map(Object.class::cast);
      case VOLUME -> decimal(text).filter(v -> v.compareTo(MIN_VOLUME) >= 0 && v.compareTo(MAX_VOLUME) <= 0)
          .map(Object.class::cast);
      case SIZE -> decimal(text).filter(v -> v.signum() >= 0 && v.compareTo(MAX_SIZE) <= 0).map(Object.class::cast);
    };
    if (value.isEmpty()) {
      problems.add(formatProblem(item, text));
    }
    return value;
  }

  private static DoseProblem formatProblem(DoseItem item, String text) {
    return switch (item.kind()) {
      case LOT -> DoseProblem.error("E040", item, item.label() + "は英数字とハイフンで2〜20文字です");
      case VOLUME -> DoseProblem.error("E041", item, "接種量は0.05〜1.00mLの範囲で入力してください");
      case DATE -> DoseProblem.error("E002", item, item.label() + "は日付で入力してください（例: 2024-04-01、令和6年4月1日）"
          + JapaneseDates.problem(text).map(problem -> "。" + problem).orElse(""));
      case MONTH -> DoseProblem.error("E002", item, item.label() + "は年月で入力してください（例: 202404）");
      case SEX -> DoseProblem.error("E002", item, item.label() + "は男または女で入力してください");
      case SIZE -> DoseProblem.error("E002", item, item.label() + "はmm単位の数値で入力してください（0〜99.9）");
      case TEXT -> DoseProblem.error("E002", item, item.label() + "の形式が正しくありません");
    };
  }

  private static void checkAgainstRegister(ResidentRef resident, Map<DoseItem, Object> values,
                                           List<DoseProblem> problems) {
    Object birthDate = values.get(DoseItem.BIRTH_DATE);
    if (birthDate != null && !birthDate.equals(resident.birthDate())) {
      problems.add(DoseProblem.error("E011", DoseItem.BIRTH_DATE, "生年月日が住民記録と一致しません"));
    }
    Object sex = values.get(DoseItem.SEX);
    if (sex != null && !sex.equals(resident.sex())) {
      problems.add(DoseProblem.error("E012", DoseItem.SEX, "性別が住民記録と一致しません"));
    }
    // The record keeps the birth date and sex as registered, whether or not the clinic sent them.
    values.put(DoseItem.BIRTH_DATE, resident.birthDate());
    values.put(DoseItem.SEX, resident.sex());
  }

  private static void checkVaccine(DoseInput input, Map<DoseItem, Object> values, DoseReference.Snapshot reference,
                                   List<DoseProblem> problems) {
    String name = input.get(DoseItem.VACCINE);
    if (name == null) {
      return;
    }
    Optional<Vaccine> vaccine = Vaccine.fromRecord(name).filter(v -> reference.categories().containsKey(v));
    if (vaccine.isEmpty()) {
      problems.add(DoseProblem.error("E020", DoseItem.VACCINE, "接種種別「" + name + "」は登録できるワクチンにありません"));
      values.remove(DoseItem.VACCINE);
      return;
    }
    values.put(DoseItem.VACCINE, new VaccineName(vaccine.get(),
        name.equalsIgnoreCase(vaccine.get().name()) ? vaccine.get().japaneseName() : name));
    String category = input.get(DoseItem.DOSE_CATEGORY);
    if (category != null && reference.category(vaccine.get(), category).isEmpty()) {
      problems.add(DoseProblem.error("E021", DoseItem.DOSE_CATEGORY, "接種区分「" + category + "」は"
          + vaccine.get().japaneseName() + "にありません（" + String.join("、",
          reference.categories().get(vaccine.get()).keySet()) + "）"));
    }
  }

  private static void checkDate(Map<DoseItem, Object> values, Optional<ResidentRef> resident, LocalDate today,
                                List<DoseProblem> problems) {
    LocalDate doseDate = (LocalDate) values.get(DoseItem.DOSE_DATE);
    if (doseDate == null) {
      return;
    }
    if (doseDate.isAfter(today)) {
      problems.add(DoseProblem.error("E030", DoseItem.DOSE_DATE, "接種年月日が未来の日付です"));
    }
    LocalDate birthDate = resident.map(ResidentRef::birthDate).orElse((LocalDate) values.get(DoseItem.BIRTH_DATE));
    if (birthDate != null && doseDate.isBefore(birthDate)) {
      problems.add(DoseProblem.error("E031", DoseItem.DOSE_DATE, "接種年月日が生年月日より前です"));
    }
    String billingMonth = (String) values.get(DoseItem.BILLING_MONTH);
    if (billingMonth != null && billingMonth.compareTo(String.format("%04d%02d", doseDate.getYear(),
        doseDate.getMonthValue())) < 0) {
      problems.add(DoseProblem.error("E060", DoseItem.BILLING_MONTH, "請求月が接種月より前です"));
    }
  }

  private static void checkInstitutions(Map<DoseItem, Object> values, DoseReference.Snapshot reference,
                                        List<DoseProblem> problems) {
    checkInstitution(values, DoseItem.INSTITUTION, reference, problems, "E050");
    checkInstitution(values, DoseItem.SCREENING_INSTITUTION, reference, problems, "E055");
    checkDoctor(values, DoseItem.DOCTOR, DoseItem.INSTITUTION, reference, problems, "E052");
    checkDoctor(values, DoseItem.SCREENING_DOCTOR, DoseItem.SCREENING_INSTITUTION, reference, problems, "E056");
    String place = (String) values.get(DoseItem.PLACE);
    if (place != null && !Optional.ofNullable(reference.places().get(place)).map(DoseReference.Place::active)
        .orElse(false)) {
      problems.add(DoseProblem.error("E054", DoseItem.PLACE, "実施場所「" + place + "」は登録されていません"));
    }
  }

  private static void checkInstitution(Map<DoseItem, Object> values, DoseItem item, DoseReference.Snapshot reference,
                                       List<DoseProblem> problems, String code) {
    String id = (String) values.get(item);
    if (id == null) {
      return;
    }
    DoseReference.Institution institution = reference.institutions().get(id);
    if (institution == null) {
      problems.add(DoseProblem.error(code, item, item.label() + "「" + id + "」は登録されていません"));
    } else if (!institution.active()) {
      problems.add(DoseProblem.error(code, item, item.label() + "「" + id + "」（" + institution.name()
          + "）は契約が終了しています"));
    }
  }

  private static void checkDoctor(Map<DoseItem, Object> values, DoseItem item, DoseItem institutionItem,
                                  DoseReference.Snapshot reference, List<DoseProblem> problems, String code) {
    String id = (String) values.get(item);
    if (id == null) {
      return;
    }
    DoseReference.Doctor doctor = reference.doctors().get(id);
    Object institution = values.get(institutionItem);
    if (doctor == null || !doctor.active()) {
      problems.add(DoseProblem.error(code, item, item.label() + "「" + id + "」は登録されていません"));
    } else if (institution != null && !doctor.institutionId().equals(institution)) {
      problems.add(DoseProblem.error(code, item, item.label() + "「" + id + "」（" + doctor.name() + "）は"
          + "医療機関「" + institution + "」に所属していません"));
    }
  }

  /** The same dose twice, or a dose sooner than the shortest interval after the previous one of its series. */
  private static void checkSeries(Map<DoseItem, Object> values, Collection<PriorDose> priors,
                                  DoseReference.Snapshot reference, List<DoseProblem> problems) {
    Vaccine vaccine = ((VaccineName) values.get(DoseItem.VACCINE)).vaccine();
    String category = (String) values.get(DoseItem.DOSE_CATEGORY);
    LocalDate date = (LocalDate) values.get(DoseItem.DOSE_DATE);
    List<PriorDose> series = priors.stream().filter(prior -> prior.vaccine() == vaccine)
        .sorted(Comparator.comparing(PriorDose::date)).toList();
    series.stream().filter(prior -> prior.category().equals(category)
            && (!SEASONAL.contains(vaccine) || prior.date().equals(date))).findFirst()
        .ifPresent(same -> problems.add(DoseProblem.error("E033", DoseItem.DOSE_CATEGORY, "同じ接種（"
            + vaccine.japaneseName() + " " + category + "、" + JapaneseDates.format(same.date()) + "）が既に登録されています")));
    DoseReference.Category rule = reference.category(vaccine, category).orElseThrow();
    Optional<PriorDose> previous = series.stream().filter(prior -> prior.date().isBefore(date))
        .reduce((first, second) -> second);
    if (previous.isEmpty()) {
      return;
    }
    LocalDate earliest = previous.get().date();
    if (rule.minDaysAfterPrevious() > 0) {
      earliest = later(earliest, LegalDates.afterDaysInterval(previous.get().date(), rule.minDaysAfterPrevious()));
    }
    if (rule.minMonthsAfterPrevious() > 0) {
      earliest = later(earliest, LegalDates.afterMonthsInterval(previous.get().date(),
          rule.minMonthsAfterPrevious()));
    }
    if (rule.minDaysAfterFirst() > 0) {
      earliest = later(earliest, LegalDates.afterDaysInterval(series.get(0).date(), rule.minDaysAfterFirst()));
    }
    if (date.isBefore(earliest)) {
      problems.add(DoseProblem.warning("E032", DoseItem.DOSE_DATE, "前回の接種（" + previous.get().category() + "、"
          + JapaneseDates.format(previous.get().date()) + "）からの間隔が足りません（" + JapaneseDates.format(earliest)
          + "以降に接種できます。間の日数は" + LegalDates.daysBetween(previous.get().date(), date) + "日です）"));
    }
  }

  private static LocalDate later(LocalDate one, LocalDate other) {
    return one.isAfter(other) ? one : other;
  }

  private static boolean hasErrors(List<DoseProblem> problems) {
    return problems.stream().anyMatch(problem -> !problem.warning());
  }

  private static Optional<Object> month(String text) {
    var matcher = MONTH.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int month = Integer.parseInt(matcher.group(2));
    return month < 1 || month > 12 ? Optional.empty() : Optional.of(matcher.group(1) + String.format("%02d", month));
  }

  private static Optional<Object> sex(String text) {
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "男", "1", "M", "MALE" -> Optional.of("MALE");
      case "女", "2", "F", "FEMALE" -> Optional.of("FEMALE");
      default -> Optional.empty();
    };
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
