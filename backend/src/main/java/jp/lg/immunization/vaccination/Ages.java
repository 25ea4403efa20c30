package jp.lg.immunization.vaccination;

import java.time.LocalDate;

/**
 * Completed ages and intervals as the schedule counts them: N months after a date is the same day of the month
 * N months later, or that month's last day when it has no such day (生後2か月 of a child born on 12月31日 is
 * 2月末日).
 */
final class Ages {

  private Ages() {}

  /** Completed months from {@code from} to {@code to} (not before {@code from}). */
  static int months(LocalDate from, LocalDate to) {
    int months = (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
    return from.plusMonths(months).isAfter(to) ? months - 1 : months;
  }

  /** Completed years from {@code from} to {@code to}; a 2月29日 birthday counts on 2月28日 in common years. */
  static int years(LocalDate from, LocalDate to) {
    int years = to.getYear() - from.getYear();
    return from.plusYears(years).isAfter(to) ? years - 1 : years;
  }
}
