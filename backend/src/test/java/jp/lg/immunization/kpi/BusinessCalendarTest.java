package jp.lg.immunization.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import org.junit.jupiter.api.Test;

/** The Japanese business calendar and the reporting periods, against published holiday lists. */
class BusinessCalendarTest {

  private final BusinessCalendar calendar = new BusinessCalendar(
      new KpiProperties(List.of(LocalDate.of(2026, 8, 14)), null, null, null, null), null);

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

  @Test
  void periodsStartTheFiscalYearOnAprilFirst() {
    LocalDate today = d("2026-11-26");
    Period march = Period.of("FISCAL_YEAR", "2026-03-31", null, null, today);
    assertThat(march.first()).isEqualTo(d("2025-04-01"));
    assertThat(march.last()).isEqualTo(d("2026-03-31"));
    assertThat(march.label()).isEqualTo("令和7年度");
    Period april = Period.of("fiscal_year", "2026-04-01", null, null, today);
    assertThat(april.first()).isEqualTo(d("2026-04-01"));
    assertThat(april.label()).isEqualTo("令和8年度");
    Period week = Period.of("WEEK", null, null, null, today);
    assertThat(week.first()).isEqualTo(d("2026-11-23"));
    assertThat(week.last()).isEqualTo(d("2026-11-29"));
    Period month = Period.of(null, null, null, null, d("2024-02-10"));
    assertThat(month.first()).isEqualTo(d("2024-02-01"));
    assertThat(month.last()).isEqualTo(d("2024-02-29"));
    assertThat(Period.fiscalYearOf(d("2027-01-05"))).isEqualTo(2026);
  }

  @Test
  void badPeriodsAreRefusedInJapanese() {
    LocalDate today = d("2026-11-26");
    assertThatThrownBy(() -> Period.of("QUARTER", null, null, null, today)).isInstanceOf(ApiException.class)
        .hasMessageContaining("期間の種類「QUARTER」は使えません");
    assertThatThrownBy(() -> Period.of("MONTH", "2026-13-01", null, null, today)).hasMessageContaining("読めません");
    assertThatThrownBy(() -> Period.of("CUSTOM", null, "2026-04-01", null, today)).hasMessageContaining("開始日と終了日");
    assertThatThrownBy(() -> Period.of("CUSTOM", null, "2026-04-02", "2026-04-01", today))
        .hasMessageContaining("終了日が開始日より前");
  }

  private static LocalDate d(String text) {
    return LocalDate.parse(text);
  }
}
