package jp.lg.immunization.outreach;

import java.time.LocalDate;

/**
 * An age band as a birth-date range, counted as the eligibility tables count ages: completed years or months, a
 * month-end or 2月29日 birthday reached on the last day of a shorter month.
 */
record AgeBand(AgeUnit unit, Integer from, Integer to) {

  enum AgeUnit {
    YEARS, MONTHS;

    LocalDate plus(LocalDate date, long amount) {
      return this == YEARS ? date.plusYears(amount) : date.plusMonths(amount);
    }

    LocalDate minus(LocalDate date, long amount) {
      return this == YEARS ? date.minusYears(amount) : date.minusMonths(amount);
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
    return to == null ? null : latestBirthDateForAge(to + 1, on).plusDays(1);
  }

  /** The latest birth date in the band on {@code on}, or {@code on} itself when the band has no lower age. */
  LocalDate bornUntil(LocalDate on) {
    return from == null ? on : latestBirthDateForAge(from, on);
  }

  /** Completed units of age on {@code on} of someone born on {@code birthDate}. */
  static int completed(AgeUnit unit, LocalDate birthDate, LocalDate on) {
    int guess = unit == AgeUnit.YEARS ? on.getYear() - birthDate.getYear()
        : (on.getYear() - birthDate.getYear()) * 12 + on.getMonthValue() - birthDate.getMonthValue();
    return unit.plus(birthDate, guess).isAfter(on) ? guess - 1 : guess;
  }

  /** The last birth date of anyone who has completed {@code age} units on {@code on}. */
  private LocalDate latestBirthDateForAge(int age, LocalDate on) {
    LocalDate latest = unit.minus(on, age);
    // Later birth dates at the end of a longer month reach the same age on the clamped day (1月31日 + 1か月 = 2月28日).
    while (!unit.plus(latest.plusDays(1), age).isAfter(on)) {
      latest = latest.plusDays(1);
    }
    return latest;
  }
}
