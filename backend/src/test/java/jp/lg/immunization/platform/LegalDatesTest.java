package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of the MHLW interpretation (「対象者」と「接種間隔」の解釈) at both of its edges, with the worked examples
 * that cities publish for clinics.
 */
class LegalDatesTest {

  // 「●歳以上」「生後●月から」 begin, and 「●歳に至るまで」「生後●月に至るまで」 end, on the day before the birthday /
  // the same date ● months later, or on the month's last day when it has no such date.
  @ParameterizedTest(name = "born {0}: {1} months are reached on {2}")
  @CsvSource({
      "2024-05-10, 12, 2025-05-09",
      "2024-05-10, 24, 2026-05-09",
      "2025-01-15, 2, 2025-03-14",
      "2024-12-31, 2, 2025-02-28",
      "2023-12-31, 2, 2024-02-29",
      "2024-12-30, 2, 2025-02-28",
      "2024-12-29, 2, 2025-02-28",
      "2024-12-28, 2, 2025-02-27",
      "2024-01-31, 1, 2024-02-29",
      "2024-03-31, 1, 2024-04-30",
      "2024-03-01, 1, 2024-03-31",
      "2024-04-01, 12, 2025-03-31",
      "2024-02-29, 12, 2025-02-28",
      "2024-02-29, 48, 2028-02-28"})
  void ageRule_anAgeIsReachedOnTheDayBeforeTheSameDate(LocalDate birth, int months, LocalDate reached) {
    assertThat(LegalDates.monthsReachedOn(birth, months)).isEqualTo(reached);
  }

  @ParameterizedTest(name = "born {0}, on {1}: age {2} months, {3} months counting the day reached")
  @CsvSource({
      "2024-05-10, 2025-05-08, 11, 11",
      "2024-05-10, 2025-05-09, 11, 12",
      "2024-05-10, 2025-05-10, 12, 12",
      "2024-05-10, 2026-05-09, 23, 24",
      "2024-05-10, 2026-05-10, 24, 24",
      "2024-12-31, 2025-02-27, 1, 1",
      "2024-12-31, 2025-02-28, 1, 2",
      "2024-12-31, 2025-03-01, 2, 2",
      "2024-05-10, 2024-05-10, 0, 0",
      "2018-01-15, 2025-07-14, 89, 90",
      "2018-01-15, 2025-07-15, 90, 90"})
  void ageRule_fromCountsTheDayReachedAndUntilIncludesIt(LocalDate birth, LocalDate on, int ageMonths,
      int reached) {
    assertThat(LegalDates.ageMonths(birth, on)).isEqualTo(ageMonths);
    assertThat(LegalDates.ageMonthsReached(birth, on)).isEqualTo(reached);
  }

  // 令和2年4月1日生まれ: 「1歳に至るまで」 and 「1歳以上」 both name 令和3年3月31日 (included in each).
  @ParameterizedTest(name = "born {0}, on {1}: {2} years old, {3} counting the day reached")
  @CsvSource({
      "2020-04-01, 2021-03-30, 0, 0",
      "2020-04-01, 2021-03-31, 0, 1",
      "2020-04-01, 2021-04-01, 1, 1",
      "2024-02-29, 2025-02-27, 0, 0",
      "2024-02-29, 2025-02-28, 0, 1",
      "2024-02-29, 2025-03-01, 1, 1",
      "1960-11-01, 2025-10-30, 64, 64",
      "1960-11-01, 2025-10-31, 64, 65",
      "1960-11-01, 2026-10-31, 65, 66",
      "1960-11-01, 2026-11-01, 66, 66"})
  void ageRule_yearsAreReachedAtTheEndOfTheDayBeforeTheBirthday(LocalDate birth, LocalDate on, int years,
      int reached) {
    assertThat(LegalDates.ageYears(birth, on)).isEqualTo(years);
    assertThat(LegalDates.ageYearsReached(birth, on)).isEqualTo(reached);
    assertThat(LegalDates.yearsReachedOn(birth, reached)).isBeforeOrEqualTo(on);
  }

  // 「27日以上の間隔をおく」: 「4週間後の接種した日と同じ曜日」; 20日 → 21日目, 6日 → 7日目, 139日 → 140日目.
  @ParameterizedTest(name = "{1} days after a dose on {0}: from {2}")
  @CsvSource({
      "2025-03-01, 27, 2025-03-29",
      "2022-04-01, 27, 2022-04-29",
      "2022-04-01, 20, 2022-04-22",
      "2022-04-01, 6, 2022-04-08",
      "2025-01-10, 139, 2025-05-30",
      "2024-02-01, 27, 2024-02-29",
      "2025-12-20, 27, 2026-01-17"})
  void dayIntervalRule_nWholeDaysLieBetweenTheDoses(LocalDate dose, int days, LocalDate from) {
    assertThat(LegalDates.afterDaysInterval(dose, days)).isEqualTo(from);
    if (days == 27) {
      assertThat(from).isEqualTo(dose.plusWeeks(4));
    }
    assertThat(LegalDates.daysBetween(dose, from)).isEqualTo(days);
    assertThat(LegalDates.daysBetween(dose, from.minusDays(1))).isEqualTo(days - 1);
  }

  @Test
  void dayIntervalRule_theSameDayIsMinusOneAndTheNextDayZero() {
    LocalDate dose = LocalDate.of(2025, 3, 1);
    assertThat(LegalDates.daysBetween(dose, dose)).isEqualTo(-1);
    assertThat(LegalDates.daysBetween(dose, dose.plusDays(1))).isZero();
  }

  // 「1月の間隔を置く」: from the same date a month later; no such date: from the first day of the month after.
  @ParameterizedTest(name = "{1} months after a dose on {0}: from {2}")
  @CsvSource({
      "2022-04-01, 3, 2022-07-01",
      "2022-11-30, 3, 2023-03-01",
      "2023-11-30, 3, 2024-03-01",
      "2023-11-29, 3, 2024-02-29",
      "2025-01-31, 1, 2025-03-01",
      "2024-01-31, 1, 2024-03-01",
      "2025-01-30, 1, 2025-03-01",
      "2025-01-28, 1, 2025-02-28",
      "2025-03-31, 1, 2025-05-01",
      "2025-05-01, 6, 2025-11-01",
      "2025-08-30, 6, 2026-03-01",
      "2025-08-31, 6, 2026-03-01",
      "2024-12-31, 12, 2025-12-31"})
  void monthIntervalRule_theSameDateOrTheFirstOfTheMonthAfter(LocalDate dose, int months, LocalDate from) {
    assertThat(LegalDates.afterMonthsInterval(dose, months)).isEqualTo(from);
    assertThat(LegalDates.monthIntervals(dose, from)).isGreaterThanOrEqualTo(months);
    assertThat(LegalDates.monthIntervals(dose, from.minusDays(1))).isEqualTo(months - 1);
  }

  // 「●月半」: half of the month the ● months end in — 28日の月は14日、29日・30日は15日、31日は16日.
  @ParameterizedTest(name = "{1} and a half months after a dose on {0}: from {2}")
  @CsvSource({
      "2023-04-01, 2, 2023-06-16",
      "2023-05-01, 2, 2023-07-17",
      "2023-12-01, 2, 2024-02-16",
      "2024-12-01, 2, 2025-02-15",
      "2023-12-31, 2, 2024-03-17",
      "2023-04-01, 0, 2023-04-16"})
  void halfMonthRule_halfOfTheMonthByItsLength(LocalDate dose, int months, LocalDate from) {
    assertThat(LegalDates.afterMonthsAndHalfInterval(dose, months)).isEqualTo(from);
  }

  // ロタ: 生まれた日を出生0週0日とし、「まで」も「から」も「●週●日後」の日を含む.
  @ParameterizedTest(name = "born {0}: 出生{1}週{2}日後 is {3}")
  @CsvSource({
      "2025-01-06, 0, 0, 2025-01-06",
      "2025-01-06, 0, 6, 2025-01-12",
      "2025-01-06, 1, 0, 2025-01-13",
      "2025-01-06, 6, 0, 2025-02-17",
      "2025-01-06, 14, 6, 2025-04-20",
      "2025-01-06, 24, 0, 2025-06-23",
      "2025-01-06, 32, 0, 2025-08-18"})
  void weeksRule_theBirthDayIsWeekZeroDayZero(LocalDate birth, int weeks, int days, LocalDate day) {
    assertThat(LegalDates.weeksAndDaysAfterBirth(birth, weeks, days)).isEqualTo(day);
    assertThat(LegalDates.daysSinceBirth(birth, day)).isEqualTo(weeks * 7 + days);
  }


  @ParameterizedTest(name = "{0} is in school year {1}")
  @CsvSource({
      "2025-04-01, 2025",
      "2025-03-31, 2024",
      "2025-12-31, 2025",
      "2026-01-01, 2025"})
  void schoolYearRule_aSchoolYearRunsFromAprilFirstToMarchThirtyFirst(LocalDate date, int schoolYear) {
    assertThat(LegalDates.schoolYearOf(date)).isEqualTo(schoolYear);
  }

  @ParameterizedTest(name = "born {0} enters elementary school in April {1}")
  @CsvSource({
      "2019-04-01, 2025",
      "2019-04-02, 2026",
      "2019-12-31, 2026",
      "2020-01-01, 2026",
      "2020-03-31, 2026",
      "2020-04-01, 2026",
      "2020-04-02, 2027",
      "2016-02-29, 2022"})
  void schoolYearRule_aChildBornOnAprilFirstJoinsTheEarlierSchoolYear(LocalDate birth, int entryYear) {
    assertThat(LegalDates.elementaryEntryYear(birth)).isEqualTo(entryYear);
  }

  @ParameterizedTest(name = "born {0}, on {1}: grade {2}")
  @CsvSource({
      "2019-04-01, 2024-03-31, -1",
      "2019-04-01, 2024-04-01, 0",
      "2019-04-01, 2025-03-31, 0",
      "2019-04-01, 2025-04-01, 1",
      "2019-04-02, 2025-04-01, 0",
      "2013-04-02, 2025-04-01, 6",
      "2013-04-01, 2025-04-01, 7",
      "2009-04-02, 2026-03-31, 10",
      "2009-04-02, 2026-04-01, 11"})
  void schoolYearRule_gradeCountsFromElementaryFirstYear(LocalDate birth, LocalDate on, int grade) {
    assertThat(LegalDates.grade(birth, on)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "born {0}: grade {1} runs {2} to {3}")
  @CsvSource({
      "2019-04-01, 0, 2024-04-01, 2025-03-31",
      "2019-04-02, 0, 2025-04-01, 2026-03-31",
      "2013-04-02, 6, 2025-04-01, 2026-03-31",
      "2013-04-02, 10, 2029-04-01, 2030-03-31"})
  void schoolYearRule_aGradeSpansOneSchoolYear(LocalDate birth, int grade, LocalDate first, LocalDate last) {
    assertThat(LegalDates.firstDayOfGrade(birth, grade)).isEqualTo(first);
    assertThat(LegalDates.lastDayOfGrade(birth, grade)).isEqualTo(last);
    assertThat(LegalDates.grade(birth, first)).isEqualTo(grade);
    assertThat(LegalDates.grade(birth, last)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "the school year in which a girl born {0} turns 12 is her grade 6")
  @CsvSource({"2013-04-01", "2013-04-02", "2013-10-15", "2014-03-31", "2012-02-29"})
  void schoolYearRule_theSchoolYearInWhichAChildTurnsTwelveIsGradeSix(LocalDate birth) {
    LocalDate turnsTwelve = LegalDates.yearsReachedOn(birth, 12);
    assertThat(LegalDates.grade(birth, turnsTwelve)).isEqualTo(6);
    assertThat(LegalDates.grade(birth, LegalDates.yearsReachedOn(birth, 16))).isEqualTo(10);
  }
}
