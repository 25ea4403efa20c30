package jp.lg.immunization.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.lg.immunization.outreach.AgeBand.AgeUnit;
import jp.lg.immunization.platform.LegalDates;
import org.junit.jupiter.api.Test;

/** Bands of ages as the law counts them (see LegalDates): a band from ● includes those who reach ● on the day. */
class AgeBandTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 26);

  @Test
  void ageFromRule_aYearBandStartsWithThoseWhoseBirthdayIsTomorrow() {
    AgeBand band = new AgeBand(AgeUnit.YEARS, 5, 6);
    assertThat(band.bornUntil(ON)).isEqualTo(LocalDate.of(2021, 11, 27));
    assertThat(band.bornFrom(ON)).isEqualTo(LocalDate.of(2019, 11, 27));
    assertThat(LegalDates.ageYearsReached(band.bornUntil(ON), ON)).isEqualTo(5);
    assertThat(LegalDates.ageYearsReached(band.bornUntil(ON).plusDays(1), ON)).isEqualTo(4);
    assertThat(AgeBand.completed(AgeUnit.YEARS, band.bornFrom(ON), ON)).isEqualTo(6);
    assertThat(AgeBand.completed(AgeUnit.YEARS, band.bornFrom(ON).minusDays(1), ON)).isEqualTo(7);
  }

  @Test
  void openEndsLeaveTheRangeOpenButNeverReachPastToday() {
    assertThat(new AgeBand(null, null, null).bornFrom(ON)).isNull();
    assertThat(new AgeBand(null, null, null).bornUntil(ON)).isEqualTo(ON);
    assertThat(new AgeBand(AgeUnit.YEARS, 65, null).bornFrom(ON)).isNull();
    assertThat(new AgeBand(AgeUnit.YEARS, null, 0).bornFrom(ON)).isEqualTo(LocalDate.of(2025, 11, 27));
  }

  @Test
  void ageRule_aLeapDayBirthdayIsReachedAtTheEndOfTheTwentyEighthOfFebruary() {
    LocalDate on = LocalDate.of(2025, 2, 28);
    assertThat(AgeBand.completed(AgeUnit.YEARS, LocalDate.of(2020, 2, 29), on)).isEqualTo(4);
    assertThat(LegalDates.ageYearsReached(LocalDate.of(2020, 2, 29), on)).isEqualTo(5);
    assertThat(new AgeBand(AgeUnit.YEARS, 5, 5).bornUntil(on)).isEqualTo(LocalDate.of(2020, 3, 1));
    assertThat(new AgeBand(AgeUnit.YEARS, 5, 5).bornFrom(on)).isEqualTo(LocalDate.of(2019, 3, 1));
  }

  @Test
  void ageRule_aMonthBandCountsMonthEndBirthsOnTheLastDayOfAShorterMonth() {
    LocalDate on = LocalDate.of(2026, 2, 28);
    // Born 2025-12-29 to 2026-01-01, 2 months are reached on 2026-02-28; born 2025-11-29 or 30, 3 months at its end.
    AgeBand twoMonths = new AgeBand(AgeUnit.MONTHS, 2, 2);
    assertThat(twoMonths.bornUntil(on)).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(twoMonths.bornFrom(on)).isEqualTo(LocalDate.of(2025, 11, 29));
    assertThat(AgeBand.completed(AgeUnit.MONTHS, LocalDate.of(2025, 12, 31), on)).isEqualTo(1);
    assertThat(AgeBand.completed(AgeUnit.MONTHS, LocalDate.of(2025, 11, 30), on)).isEqualTo(2);
    assertThat(AgeBand.completed(AgeUnit.MONTHS, LocalDate.of(2025, 11, 28), on)).isEqualTo(3);
  }
}
