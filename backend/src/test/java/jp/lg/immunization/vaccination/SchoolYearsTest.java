package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchoolYearsTest {

  @ParameterizedTest(name = "{0} is in school year {1}")
  @CsvSource({
      "2025-04-01, 2025",
      "2025-03-31, 2024",
      "2025-12-31, 2025",
      "2026-01-01, 2025"})
  void aSchoolYearRunsFromAprilFirstToMarchThirtyFirst(LocalDate date, int schoolYear) {
    assertThat(SchoolYears.schoolYearOf(date)).isEqualTo(schoolYear);
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
  void aChildBornOnAprilFirstJoinsTheEarlierSchoolYear(LocalDate birth, int entryYear) {
    assertThat(SchoolYears.elementaryEntryYear(birth)).isEqualTo(entryYear);
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
  void gradeCountsFromElementaryFirstYear(LocalDate birth, LocalDate on, int grade) {
    assertThat(SchoolYears.grade(birth, on)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "born {0}: grade {1} runs {2} to {3}")
  @CsvSource({
      "2019-04-01, 0, 2024-04-01, 2025-03-31",
      "2019-04-02, 0, 2025-04-01, 2026-03-31",
      "2013-04-02, 6, 2025-04-01, 2026-03-31",
      "2013-04-02, 10, 2029-04-01, 2030-03-31"})
  void aGradeSpansOneSchoolYear(LocalDate birth, int grade, LocalDate first, LocalDate last) {
    assertThat(SchoolYears.firstDayOfGrade(birth, grade)).isEqualTo(first);
    assertThat(SchoolYears.lastDayOfGrade(birth, grade)).isEqualTo(last);
    assertThat(SchoolYears.grade(birth, first)).isEqualTo(grade);
    assertThat(SchoolYears.grade(birth, last)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "the school year in which a girl born {0} turns 12 is her grade 6")
  @CsvSource({"2013-04-01", "2013-04-02", "2013-10-15", "2014-03-31", "2012-02-29"})
  void theSchoolYearInWhichAChildTurnsTwelveIsGradeSix(LocalDate birth) {
    // Legally a child turns 12 at the end of the day before the birthday.
    LocalDate turnsTwelve = birth.plusYears(12).minusDays(1);
    assertThat(SchoolYears.grade(birth, turnsTwelve)).isEqualTo(6);
    assertThat(SchoolYears.grade(birth, birth.plusYears(16).minusDays(1))).isEqualTo(10);
  }
}
