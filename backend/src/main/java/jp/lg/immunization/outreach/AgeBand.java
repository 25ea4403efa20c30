package jp.lg.immunization.outreach;

import java.time.LocalDate;
import jp.lg.immunization.platform.LegalDates;

/**
 * An age band as a birth-date range, counted as the law counts ages ({@link LegalDates}): 「●歳から」 includes those
 * who reach ● on the day (the day before the birthday), 「●歳まで」 those who have not yet reached ●+1 before it.
 */
record AgeBand(AgeUnit unit, Integer from, Integer to) {

  enum AgeUnit {
    YEARS, MONTHS;

    int months(int amount) {
      return this == YEARS ? amount * 12 : amount;
    }
  }

  AgeBand {
    unit = unit == null ? AgeUnit.YEARS : unit;
  }

  boolean isOpen() {
    return from == null && to == null;
  }

  /** The earliest birth date in the band on {@code on}, or null when the band has no upper age. */
  LocalDate bornFrom(LocalDate on) {
    if (to == null) {
      return null;
    }
    int months = unit.months(to + 1);
    // The earliest birth not yet past the upper age: it reaches to + 1 on {@code on} or later.
    LocalDate birth = on.minusMonths(months).minusDays(7);
    while (LegalDates.monthsReachedOn(birth, months).isBefore(on)) {
      birth = birth.plusDays(1);
    }
    return birth;
  }

  /** The latest birth date in the band on {@code on}, or {@code on} itself when the band has no lower age. */
  LocalDate bornUntil(LocalDate on) {
    if (from == null) {
      return on;
    }
    int months = unit.months(from);
    // The latest birth that reaches the lower age by the end of {@code on}.
    LocalDate birth = on.minusMonths(months).plusDays(7);
    while (LegalDates.monthsReachedOn(birth, months).isAfter(on)) {
      birth = birth.minusDays(1);
    }
    return birth;
  }

  /** The age in completed units someone born on {@code birthDate} has during {@code on} (満N歳, 生後Nか月). */
  static int completed(AgeUnit unit, LocalDate birthDate, LocalDate on) {
    return unit == AgeUnit.YEARS ? LegalDates.ageYears(birthDate, on) : LegalDates.ageMonths(birthDate, on);
  }
}
