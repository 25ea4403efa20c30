package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation rule of a dose record, with the エラーコード a clerk sees. */
class DoseValidationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final ResidentRef CHILD = new ResidentRef(7L, "0000000123", "試験 太郎", "シケン タロウ",
      LocalDate.of(2025, 1, 10), "MALE", true);
  static final DoseReference.Snapshot REFERENCE = reference();
  /** Every dose a routine one: the routine rule is the eligibility tables', tested with them and through the API. */
  static final DoseValidation.RoutineRule ROUTINE = (resident, vaccine, date, priors) -> Optional.empty();

  @Test
  void aCompleteRecordPassesWithTheRegisteredBirthDateAndSex() {
    DoseValidation.Checked checked = check(valid(), List.of());
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.residentId()).isEqualTo(7L);
    assertThat(checked.vaccine()).isEqualTo(Vaccine.HEPATITIS_B);
    assertThat(checked.values()).containsEntry(DoseItem.VACCINE, new DoseValidation.VaccineName(Vaccine.HEPATITIS_B,
            "B型肝炎"))
        .containsEntry(DoseItem.BIRTH_DATE, CHILD.birthDate()).containsEntry(DoseItem.SEX, "MALE")
        .containsEntry(DoseItem.LOT_NUMBER, "AB12-3").containsEntry(DoseItem.BILLING_MONTH, "202505");
  }

  @Test
  void fullWidthTextAndJapaneseEraDatesAreReadAsClerksWriteThem() {
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.DOSE_DATE, "令和７年５月１日");
    input.put(DoseItem.LOT_NUMBER, "ａｂ１２－３");
    input.put(DoseItem.VACCINE, "ＨＢＶ");
    DoseValidation.Checked checked = check(input, List.of());
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.values().get(DoseItem.VACCINE)).hasToString("HBV");
    assertThat(checked.values()).containsEntry(DoseItem.DOSE_DATE, LocalDate.of(2025, 5, 1))
        .containsEntry(DoseItem.LOT_NUMBER, "AB12-3");
  }

  @ParameterizedTest(name = "{0} = \"{1}\" gives {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      DOSE_DATE       | NULL        | E001
      VACCINE         | NULL        | E001
      DOSE_CATEGORY   | NULL        | E001
      LOT_NUMBER      | NULL        | E001
      INSTITUTION     | NULL        | E001
      DOCTOR          | NULL        | E001
      DOSE_DATE       | 2025-02-30  | E002
      DOSE_DATE       | 昨日         | E002
      SEX             | X           | E002
      BILLING_MONTH   | 202513      | E002
      TUBERCULIN_SIZE_V | -1        | E002
      REMARKS         | %LONG%      | E003
      ADDRESSEE_NUMBER | 9999999999 | E010
      BIRTH_DATE      | 2025-01-11  | E011
      SEX             | 女          | E012
      VACCINE         | 黄熱         | E020
      DOSE_CATEGORY   | 4回目        | E021
      DOSE_DATE       | 2026-11-27  | E030
      DOSE_DATE       | 2025-01-09  | E031
      LOT_NUMBER      | A           | E040
      LOT_NUMBER      | AB_12       | E040
      DOSE_VOLUME     | 1.5         | E041
      DOSE_VOLUME     | 0.01        | E041
      INSTITUTION     | 9999999     | E050
      INSTITUTION     | 1110199     | E050
      DOCTOR          | D9999       | E052
      DOCTOR          | D1010201    | E052
      PLACE           | P99         | E054
      SCREENING_INSTITUTION | 9999999 | E055
      BILLING_MONTH   | 202503      | E060
      """)
  void eachRuleRefusesTheRecordWithItsErrorCode(DoseItem item, String value, String code) {
    Map<DoseItem, String> input = valid();
    input.put(item, "%LONG%".equals(value) ? "あ".repeat(501) : value);
    DoseValidation.Checked checked = check(input, List.of());
    assertThat(checked.hasErrors()).isTrue();
    assertThat(checked.problems()).extracting(DoseProblem::code).contains(code);
    assertThat(checked.values()).isEmpty();
    assertThat(checked.problems()).extracting(DoseProblem::message).as("staff read the item's name, not a CSV key")
        .noneMatch(message -> message.matches(".*(LotNo|_|[A-Za-z]+ID).*"));
  }

  @Test
  void aVaccineSentByItsCodeIsRecordedByItsJapaneseNameAndAFourInOneKeepsItsOwnName() {
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.VACCINE, "HEPATITIS_B");
    assertThat(check(input, List.of()).values().get(DoseItem.VACCINE)).hasToString("B型肝炎");
    assertThat(Vaccine.fromRecord("B型肝炎")).contains(Vaccine.HEPATITIS_B);
    assertThat(Vaccine.fromRecord("MR（麻しん風しん）")).contains(Vaccine.MR);
  }

  @Test
  void aTaishoBirthDateIsReadAndAnImpossibleEraYearIsRefusedNamingTheEra() {
    ResidentRef centenarian = new ResidentRef(9L, "0000000125", "試験 ハル", "シケン ハル", LocalDate.of(1925, 3, 3),
        "FEMALE", true);
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.ADDRESSEE_NUMBER, centenarian.addresseeNumber());
    input.put(DoseItem.VACCINE, "高齢者インフルエンザ");
    input.put(DoseItem.DOSE_CATEGORY, "1回");
    input.put(DoseItem.BIRTH_DATE, "大正14年3月3日");
    input.put(DoseItem.SEX, "女");
    assertThat(DoseValidation.check(DoseInput.of(input), Optional.of(centenarian), List.of(), REFERENCE, TODAY,
        ROUTINE).problems()).isEmpty();

    input.put(DoseItem.DOSE_DATE, "平成35年1月1日");
    assertThat(DoseValidation.check(DoseInput.of(input), Optional.of(centenarian), List.of(), REFERENCE, TODAY,
        ROUTINE).errorMessages()).contains("E002").contains("平成35年1月1日は平成の期間（平成元年1月8日〜平成31年4月30日）にありません");
  }

  @Test
  void anUnknownResidentIsAnErrorEvenThoughEverythingElseIsRight() {
    DoseValidation.Checked checked = DoseValidation.check(DoseInput.of(valid()), Optional.empty(), List.of(),
        REFERENCE, TODAY, ROUTINE);
    assertThat(checked.problems()).extracting(DoseProblem::code).containsExactly("E010");
  }

  @Test
  void aSecondDoseTooSoonAfterTheFirstIsAWarningThatStaysAsTheErrorCode() {
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.DOSE_CATEGORY, "2回目");
    input.put(DoseItem.DOSE_DATE, "2025-05-20");
    DoseValidation.Checked checked = check(input, List.of(prior("1回目", "2025-04-25")));
    assertThat(checked.hasErrors()).isFalse();
    assertThat(checked.hasWarnings()).isTrue();
    assertThat(checked.errorCodes()).isEqualTo("E032");
    assertThat(checked.problems().get(0).message()).contains("令和7年5月23日以降").contains("間の日数は24日です");
  }

  @Test
  void dayIntervalRule_27DaysMeans27WholeDaysBetweenTheDoses() {
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.DOSE_CATEGORY, "2回目");
    input.put(DoseItem.DOSE_DATE, "2025-05-23");
    assertThat(check(input, List.of(prior("1回目", "2025-04-25"))).problems()).isEmpty();
    input.put(DoseItem.DOSE_DATE, "2025-05-22");
    assertThat(check(input, List.of(prior("1回目", "2025-04-25"))).errorCodes()).isEqualTo("E032");
  }

  @Test
  void aDoseTheRoutineRuleRefusesIsAConfirmableWarningNamingTheRule() {
    DoseValidation.RoutineRule tooLate = (resident, vaccine, date, priors) -> Optional.of("接種期間外: 1歳を過ぎています");
    DoseValidation.Checked checked = DoseValidation.check(DoseInput.of(valid()), Optional.of(CHILD), List.of(),
        REFERENCE, TODAY, tooLate);
    assertThat(checked.hasErrors()).isFalse();
    assertThat(checked.errorCodes()).isEqualTo("E034");
    assertThat(checked.errorMessages()).contains("定期接種の対象になりません（接種期間外: 1歳を過ぎています）");
  }

  @Test
  void theThirdHepatitisBDoseCountsFromTheFirst() {
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.DOSE_CATEGORY, "3回目");
    input.put(DoseItem.BILLING_MONTH, "202510");
    input.put(DoseItem.DOSE_DATE, "2025-09-01");
    List<DoseValidation.PriorDose> priors = List.of(prior("1回目", "2025-04-25"), prior("2回目", "2025-05-30"));
    assertThat(check(input, priors).errorCodes()).isEqualTo("E032");
    input.put(DoseItem.DOSE_DATE, "2025-09-11");
    assertThat(check(input, priors).errorCodes()).as("138 days between #1 and #3").isEqualTo("E032");
    input.put(DoseItem.DOSE_DATE, "2025-09-12");
    assertThat(check(input, priors).problems()).isEmpty();
  }

  @Test
  void theSameDoseTwiceIsRefused() {
    DoseValidation.Checked checked = check(valid(), List.of(prior("1回目", "2025-03-01")));
    assertThat(checked.problems()).extracting(DoseProblem::code).containsExactly("E033");
    assertThat(checked.hasErrors()).isTrue();
  }

  @Test
  void aSeasonalDoseRecursInAnotherSeason() {
    ResidentRef elder = new ResidentRef(8L, "0000000124", "試験 花子", "シケン ハナコ", LocalDate.of(1950, 6, 1),
        "FEMALE", true);
    Map<DoseItem, String> input = valid();
    input.put(DoseItem.ADDRESSEE_NUMBER, elder.addresseeNumber());
    input.put(DoseItem.VACCINE, "高齢者インフルエンザ");
    input.put(DoseItem.DOSE_CATEGORY, "1回");
    input.put(DoseItem.BIRTH_DATE, null);
    input.put(DoseItem.SEX, null);
    List<DoseValidation.PriorDose> lastSeason = List.of(
        new DoseValidation.PriorDose(Vaccine.INFLUENZA_ELDERLY, "高齢者インフルエンザ", "1回",
            LocalDate.of(2024, 11, 1)));
    DoseValidation.Checked checked = DoseValidation.check(DoseInput.of(input), Optional.of(elder), lastSeason,
        REFERENCE, TODAY, ROUTINE);
    assertThat(checked.problems()).isEmpty();
  }

  private static DoseValidation.PriorDose prior(String category, String date) {
    return new DoseValidation.PriorDose(Vaccine.HEPATITIS_B, "B型肝炎", category, LocalDate.parse(date));
  }

  private static DoseValidation.Checked check(Map<DoseItem, String> input, List<DoseValidation.PriorDose> priors) {
    Optional<ResidentRef> resident = CHILD.addresseeNumber().equals(input.get(DoseItem.ADDRESSEE_NUMBER))
        ? Optional.of(CHILD) : Optional.empty();
    return DoseValidation.check(DoseInput.of(input), resident, priors, REFERENCE, TODAY, ROUTINE);
  }

  static Map<DoseItem, String> valid() {
    Map<DoseItem, String> input = new EnumMap<>(DoseItem.class);
    input.put(DoseItem.ADDRESSEE_NUMBER, CHILD.addresseeNumber());
    input.put(DoseItem.VACCINE, "B型肝炎");
    input.put(DoseItem.DOSE_CATEGORY, "1回目");
    input.put(DoseItem.BIRTH_DATE, "2025/1/10");
    input.put(DoseItem.SEX, "男");
    input.put(DoseItem.LOT_NUMBER, "ab12-3");
    input.put(DoseItem.DOSE_VOLUME, "0.25");
    input.put(DoseItem.INSTITUTION, "1110101");
    input.put(DoseItem.DOCTOR, "D1010101");
    input.put(DoseItem.PLACE, "P01");
    input.put(DoseItem.DOSE_DATE, "2025-04-25");
    input.put(DoseItem.BILLING_MONTH, "2025-05");
    return input;
  }

  private static DoseReference.Snapshot reference() {
    Map<Vaccine, Map<String, DoseReference.Category>> categories = new EnumMap<>(Vaccine.class);
    Map<String, DoseReference.Category> hepatitisB = new LinkedHashMap<>();
    hepatitisB.put("1回目", new DoseReference.Category(Vaccine.HEPATITIS_B, "1回目", 1, 0, 0, 0));
    hepatitisB.put("2回目", new DoseReference.Category(Vaccine.HEPATITIS_B, "2回目", 2, 27, 0, 0));
    hepatitisB.put("3回目", new DoseReference.Category(Vaccine.HEPATITIS_B, "3回目", 3, 0, 0, 139));
    categories.put(Vaccine.HEPATITIS_B, hepatitisB);
    categories.put(Vaccine.INFLUENZA_ELDERLY,
        Map.of("1回", new DoseReference.Category(Vaccine.INFLUENZA_ELDERLY, "1回", 1, 0, 0, 0)));
    return new DoseReference.Snapshot(categories,
        Map.of("1110101", new DoseReference.Institution("1110101", "さくら小児科クリニック", true),
            "1110102", new DoseReference.Institution("1110102", "ひまわりこどもクリニック", true),
            "1110199", new DoseReference.Institution("1110199", "けやき医院（閉院）", false)),
        Map.of("D1010101", new DoseReference.Doctor("D1010101", "1110101", "桜井 一郎", true),
            "D1010201", new DoseReference.Doctor("D1010201", "1110102", "日向 健", true)),
        Map.of("P01", new DoseReference.Place("P01", "医療機関（個別接種）", true)));
  }
}
