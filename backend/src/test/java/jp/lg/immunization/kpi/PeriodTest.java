package jp.lg.immunization.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import org.junit.jupiter.api.Test;

/** The reporting periods: week, month, fiscal year (年度, from April 1) and a chosen range. */
class PeriodTest {

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
    assertThat(JapaneseDates.fiscalYearOf(d("2027-01-05"))).isEqualTo(2026);
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
