package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates as staff type and read them: 明治 to 令和, each only within its real first and last day, and 年度 names as the
 * state writes them (the era of the year's December 31, its first year as 元年).
 */
class JapaneseDatesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "大正14年3月3日, 1925-03-03",
      "T14.3.3, 1925-03-03",
      "大正元年7月30日, 1912-07-30",
      "大正15年12月24日, 1926-12-24",
      "明治45年7月29日, 1912-07-29",
      "明治6年1月1日, 1873-01-01",
      "昭和元年12月25日, 1926-12-25",
      "昭和64年1月7日, 1989-01-07",
      "平成元年1月8日, 1989-01-08",
      "H31.4.30, 2019-04-30",
      "令和元年5月1日, 2019-05-01",
      "令和７年５月１日, 2025-05-01",
      "R8/12/6, 2026-12-06",
      "2024-04-01, 2024-04-01",
      "20240401, 2024-04-01",
      "2024年4月1日, 2024-04-01"})
  void eraDatesAreAcceptedWithinTheirEra(String text, LocalDate date) {
    assertThat(JapaneseDates.parse(text)).contains(date);
    assertThat(JapaneseDates.problem(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource({
      "平成35年1月1日, 平成35年1月1日は平成の期間（平成元年1月8日〜平成31年4月30日）にありません",
      "平成31年5月1日, 平成31年5月1日は平成の期間（平成元年1月8日〜平成31年4月30日）にありません",
      "令和元年4月30日, 令和元年4月30日は令和の期間（令和元年5月1日〜）にありません",
      "昭和64年1月8日, 昭和64年1月8日は昭和の期間（昭和元年12月25日〜昭和64年1月7日）にありません",
      "大正元年7月29日, 大正元年7月29日は大正の期間（大正元年7月30日〜大正15年12月24日）にありません",
      "明治45年7月30日, 明治45年7月30日は明治の期間（明治6年1月1日〜明治45年7月29日）にありません",
      "明治5年12月2日, 明治5年12月2日は明治の期間（明治6年1月1日〜明治45年7月29日）にありません",
      "S0.1.1, 昭和0年1月1日は昭和の期間（昭和元年12月25日〜昭和64年1月7日）にありません"})
  void eraDatesOutsideTheirEraAreRefusedNamingTheEra(String text, String problem) {
    assertThat(JapaneseDates.parse(text)).isEmpty();
    assertThat(JapaneseDates.problem(text)).contains(problem);
  }

  @Test
  void notADateIsEmptyWithoutAnEraExplanation() {
    assertThat(JapaneseDates.parse("平成2年2月30日")).isEmpty();
    assertThat(JapaneseDates.parse("昨日")).isEmpty();
    assertThat(JapaneseDates.problem("昨日")).isEmpty();
    assertThat(JapaneseDates.parse(null)).isEmpty();
  }

  @Test
  void fiscalYearsAreNamedInTheEraOfTheirDecember() {
    assertThat(JapaneseDates.formatFiscalYear(2019)).isEqualTo("令和元年度");
    assertThat(JapaneseDates.formatFiscalYear(2018)).isEqualTo("平成30年度");
    assertThat(JapaneseDates.formatFiscalYear(1988)).isEqualTo("昭和63年度");
    assertThat(JapaneseDates.formatFiscalYear(1989)).isEqualTo("平成元年度");
    assertThat(JapaneseDates.formatFiscalYear(2026)).isEqualTo("令和8年度");
  }
}
