package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {

  @ParameterizedTest(name = "from {0} to {1}: {2} months")
  @CsvSource({
      "2025-01-15, 2025-03-14, 1",
      "2025-01-15, 2025-03-15, 2",
      "2024-12-31, 2025-02-27, 1",
      "2024-12-31, 2025-02-28, 2",
      "2024-01-31, 2024-02-29, 1",
      "2024-01-31, 2024-03-30, 1",
      "2024-01-31, 2024-03-31, 2",
      "2025-05-10, 2025-05-10, 0",
      "2018-01-15, 2025-07-15, 90"})
  void aMonthIsReachedOnTheSameDayOrTheMonthsLastDay(LocalDate from, LocalDate to, int months) {
    assertThat(Ages.months(from, to)).isEqualTo(months);
    assertThat(from.plusMonths(months)).isBeforeOrEqualTo(to);
  }

  @ParameterizedTest(name = "born {0}, on {1}: {2} years")
  @CsvSource({
      "2025-01-10, 2026-01-09, 0",
      "2025-01-10, 2026-01-10, 1",
      "2024-02-29, 2025-02-27, 0",
      "2024-02-29, 2025-02-28, 1",
      "1960-11-01, 2025-10-31, 64",
      "1960-11-01, 2025-11-01, 65"})
  void anAgeIsReachedOnTheBirthday(LocalDate birth, LocalDate on, int years) {
    assertThat(Ages.years(birth, on)).isEqualTo(years);
  }
}
