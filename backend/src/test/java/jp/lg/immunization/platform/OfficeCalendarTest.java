package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Japanese business calendar against published holiday lists, and office hours. */
class OfficeCalendarTest {

  private final OfficeCalendar calendar = OfficeCalendar.withClosureDays(List.of(LocalDate.of(2026, 8, 14)));

  @Test
  void holidaysOf2025AsPublishedByTheCabinetOffice() {
    assertThat(JapaneseHolidays.of(2025).keySet()).containsExactly(
        d("2025-01-01"), d("2025-01-13"), d("2025-02-11"), d("2025-02-23"), d("2025-02-24"), d("2025-03-20"),
        d("2025-04-29"), d("2025-05-03"), d("2025-05-04"), d("2025-05-05"), d("2025-05-06"), d("2025-07-21"),
        d("2025-08-11"), d("2025-09-15"), d("2025-09-23"), d("2025-10-13"), d("2025-11-03"), d("2025-11-23"),
        d("2025-11-24"));
  }

  @Test
  void holidaysOf2026IncludingTheSeptemberCitizensHoliday() {
    Map<LocalDate, String> holidays = JapaneseHolidays.of(2026);
    assertThat(holidays.keySet()).containsExactly(
        d("2026-01-01"), d("2026-01-12"), d("2026-02-11"), d("2026-02-23"), d("2026-03-20"), d("2026-04-29"),
        d("2026-05-03"), d("2026-05-04"), d("2026-05-05"), d("2026-05-06"), d("2026-07-20"), d("2026-08-11"),
        d("2026-09-21"), d("2026-09-22"), d("2026-09-23"), d("2026-10-12"), d("2026-11-03"), d("2026-11-23"));
    assertThat(holidays.get(d("2026-09-22"))).isEqualTo("国民の休日");
    assertThat(holidays.get(d("2026-05-06"))).isEqualTo("振替休日");
  }

  @Test
  void specialYears() {
    assertThat(JapaneseHolidays.of(2019)).containsKeys(d("2019-04-30"), d("2019-05-01"), d("2019-05-02"),
        d("2019-10-22"), d("2019-05-06"));
    assertThat(JapaneseHolidays.of(2019)).doesNotContainKey(d("2019-02-23")).doesNotContainKey(d("2019-12-23"));
    assertThat(JapaneseHolidays.of(2020)).containsKeys(d("2020-07-23"), d("2020-07-24"), d("2020-08-10"));
    assertThat(JapaneseHolidays.of(2021)).containsKeys(d("2021-07-22"), d("2021-07-23"), d("2021-08-08"), d("2021-08-09"));
    assertThat(JapaneseHolidays.vernalEquinoxDay(2027)).isEqualTo(21);
    assertThat(JapaneseHolidays.autumnalEquinoxDay(2027)).isEqualTo(23);
  }

  @Test
  void officeHoursAreBusinessDaysFromOpeningToClosing() {
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-26T08:30"))).isTrue();
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-26T17:14:59"))).isTrue();
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-26T17:15"))).isFalse();
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-26T08:29"))).isFalse();
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-23T10:00"))).as("勤労感謝の日").isFalse();
    assertThat(calendar.isOfficeHours(LocalDateTime.parse("2026-11-28T10:00"))).as("Saturday").isFalse();
  }

  @Test
  void R11_aClosedDaySaysWhyForTheAbnormalAccessReport() {
    assertThat(calendar.closedBecause(d("2026-11-23"))).contains("勤労感謝の日");
    assertThat(calendar.closedBecause(d("2026-11-21"))).contains("土曜日");
    assertThat(calendar.closedBecause(d("2026-11-22"))).contains("日曜日");
    assertThat(calendar.closedBecause(d("2026-12-30"))).contains("年末年始");
    assertThat(calendar.closedBecause(d("2026-08-14"))).contains("閉庁日");
    assertThat(calendar.closedBecause(d("2026-11-20"))).isEmpty();
    assertThat(calendar.opensAt()).hasToString("08:30");
    assertThat(calendar.closesAt()).hasToString("17:15");
  }

  @Test
  void businessDaysSkipWeekendsHolidaysTheYearEndClosureAndConfiguredDays() {
    assertThat(calendar.isBusinessDay(d("2026-12-28"))).isTrue();
    for (String closed : List.of("2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03")) {
      assertThat(calendar.isBusinessDay(d(closed))).as(closed).isFalse();
    }
    assertThat(calendar.isBusinessDay(d("2027-01-04"))).isTrue();
    assertThat(calendar.isBusinessDay(d("2026-08-14"))).as("configured closure day").isFalse();
    assertThat(calendar.isBusinessDay(d("2026-08-13"))).isTrue();
    // Friday before the closure to the first Monday after it: only 2026-01-05 counts.
    assertThat(calendar.businessDaysBetween(d("2025-12-26"), d("2026-01-05"))).isEqualTo(1);
    // Silver week 2026: 9/19-9/23 are weekend, 敬老の日, 国民の休日 and 秋分の日.
    assertThat(calendar.businessDaysBetween(d("2026-09-18"), d("2026-09-24"))).isEqualTo(1);
    assertThat(calendar.businessDaysBetween(d("2026-11-26"), d("2026-11-26"))).isZero();
    assertThat(calendar.businessDaysBetween(d("2026-11-20"), d("2026-11-27"))).isEqualTo(4); // 11/23 is a holiday
  }

  private static LocalDate d(String text) {
    return LocalDate.parse(text);
  }
}
