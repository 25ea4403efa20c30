package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 年度 names as the state writes them: the era of the year's December 31, its first year as 元年. */
class JapaneseDatesTest {

  @Test
  void fiscalYearsAreNamedInTheEraOfTheirDecember() {
    assertThat(JapaneseDates.formatFiscalYear(2019)).isEqualTo("令和元年度");
    assertThat(JapaneseDates.formatFiscalYear(2018)).isEqualTo("平成30年度");
    assertThat(JapaneseDates.formatFiscalYear(1988)).isEqualTo("昭和63年度");
    assertThat(JapaneseDates.formatFiscalYear(1989)).isEqualTo("平成元年度");
    assertThat(JapaneseDates.formatFiscalYear(2026)).isEqualTo("令和8年度");
  }
}
