package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The period in which seasonal vaccines (高齢者インフルエンザ, 新型コロナ) are given, set by the city; it may run over
 * the new year (10月1日〜3月31日, the default).
 */
record Season(MonthDay start, MonthDay end) {

  static final Season DEFAULT = new Season(MonthDay.of(10, 1), MonthDay.of(3, 31));

  /** From "MM-dd" settings. */
  static Season of(String start, String end) {
    return new Season(MonthDay.parse("--" + start.strip()), MonthDay.parse("--" + end.strip()));
  }

  private boolean overNewYear() {
    return start.isAfter(end);
  }

  boolean contains(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    boolean afterStart = !day.isBefore(start);
    boolean beforeEnd = !day.isAfter(end);
    return overNewYear() ? afterStart || beforeEnd : afterStart && beforeEnd;
  }

  /** The first day of the season containing {@code date}, which must be in season. */
  LocalDate startOfSeasonContaining(LocalDate date) {
    boolean inSecondYear = overNewYear() && !MonthDay.from(date).isAfter(end);
    return start.atYear(inSecondYear ? date.getYear() - 1 : date.getYear());
  }

  /** The first season start strictly after {@code date}. */
  LocalDate nextStartAfter(LocalDate date) {
    LocalDate candidate = start.atYear(date.getYear());
    return candidate.isAfter(date) ? candidate : start.atYear(date.getYear() + 1);
  }

  /** The season now under way, or else the next one. */
  LocalDate currentOrNextStart(LocalDate date) {
    return contains(date) ? startOfSeasonContaining(date) : nextStartAfter(date);
  }

  LocalDate endOfSeasonStartingOn(LocalDate seasonStart) {
    return end.atYear(overNewYear() ? seasonStart.getYear() + 1 : seasonStart.getYear());
  }
}
