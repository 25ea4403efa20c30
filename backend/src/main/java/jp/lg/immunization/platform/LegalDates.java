package jp.lg.immunization.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The date arithmetic of the immunization law as the MHLW interprets it (定期接種実施要領 and the 事務連絡 on
 * 「対象者」と「接種間隔」の解釈, published by many cities as a table for clinics). A dose one day outside a window or
 * an interval is not a routine vaccination, so every age, interval and school year the application judges is
 * counted here and nowhere else. Each method quotes the sentence of the interpretation it implements; the README's
 * "Dates in the law" section lists them with their source, and {@code LegalDatesTest} checks each against the worked
 * examples of that sentence.
 *
 * <p>Ages follow 年齢計算ニ関スル法律 and 民法第143条: an age is counted from the day of birth, and a period of months
 * or years ends at the end of the day before the day with the same date ("応当日"), or at the end of the month's last
 * day when that month has no such date.
 */
public final class LegalDates {

  /** The grade of 就学前の1年間 (年長), the school year before elementary school, in {@link #grade}. */
  public static final int PRESCHOOL_YEAR = 0;

  private LegalDates() {}

  /**
   * 「●歳に達したとき」「生後●月に至った日」: the day at whose end a person born on {@code birth} reaches
   * {@code months} months of age — the day before the same date {@code months} months later, or the last day of that
   * month when it has no such date (「当該月に生まれた日と同日となる日が存在しない場合には、当該月の最後日」).
   * Born 2024-05-10: 12 months are reached on 2025-05-09; born 2024-12-31: 2 months on 2025-02-28.
   */
  public static LocalDate monthsReachedOn(LocalDate birth, int months) {
    YearMonth month = YearMonth.from(birth).plusMonths(months);
    return birth.getDayOfMonth() <= month.lengthOfMonth()
        ? month.atDay(birth.getDayOfMonth()).minusDays(1)
        : month.atEndOfMonth();
  }

  /** {@link #monthsReachedOn} in years: 「●歳の誕生日の前日」; born on 2月29日, the 28th in common years. */
  public static LocalDate yearsReachedOn(LocalDate birth, int years) {
    return monthsReachedOn(birth, years * 12);
  }

  /**
   * The age in months a person has during {@code on}: the months reached by the end of the day before. This is the
   * age of 「生後●月に至るまで」「●月未満」 (「●月後の生まれた日と同日の前日まで」, that day included): the window is
   * open while {@code ageMonths(birth, on) < ●}.
   */
  public static int ageMonths(LocalDate birth, LocalDate on) {
    if (on.isBefore(birth)) {
      throw new IllegalArgumentException("date " + on + " is before birth " + birth);
    }
    int months = (on.getYear() - birth.getYear()) * 12 + on.getMonthValue() - birth.getMonthValue();
    while (months > 0 && !monthsReachedOn(birth, months).isBefore(on)) {
      months--;
    }
    while (monthsReachedOn(birth, months + 1).isBefore(on)) {
      months++;
    }
    return months;
  }

  /** {@link #ageMonths} in whole years: the age of 「●歳に至るまで」「●歳未満」 (open while {@code < ●}). */
  public static int ageYears(LocalDate birth, LocalDate on) {
    return ageMonths(birth, on) / 12;
  }

  /**
   * The age in months counting the day on which it is reached: 「生後●月から」「●歳以上」 begin on
   * 「●月後の生まれた日と同日の前日」「●歳の誕生日の前日」 (the window is open from the day
   * {@code ageMonthsReached(birth, on) >= ●}). The law reaches the age at 24時 of that day; the interpretation lets
   * the day count because nobody is vaccinated at midnight.
   */
  public static int ageMonthsReached(LocalDate birth, LocalDate on) {
    return ageMonths(birth, on.plusDays(1));
  }

  /** {@link #ageMonthsReached} in whole years: the age of 「●歳以上」「●歳から」. */
  public static int ageYearsReached(LocalDate birth, LocalDate on) {
    return ageMonthsReached(birth, on) / 12;
  }

  /**
   * 「N日以上の間隔をおく」: the first day of the next dose — N whole days lie between the two dose days, neither
   * counted (「接種した翌日から数え、中N日間を挟んだ翌日から接種可能」). With N = 27 after 3月1日: 3月29日, four weeks
   * later on the same weekday.
   */
  public static LocalDate afterDaysInterval(LocalDate dose, int days) {
    return dose.plusDays(days + 1L);
  }

  /**
   * The whole days lying between two dose days, neither counted: the number an 「N日以上の間隔」 is compared with
   * ({@code daysBetween(dose, on) >= N}). The same day gives -1, the next day 0.
   */
  public static int daysBetween(LocalDate earlier, LocalDate later) {
    return Math.toIntExact(ChronoUnit.DAYS.between(earlier, later) - 1);
  }

  /**
   * 「N月の間隔をおく」: the first day of the next dose is the same date N months later (the interval has passed at
   * the end of the day before); where that month has no such date, the interval passes on its last day and the next
   * dose is possible from the first day of the month after (「翌月に同日がない場合は、翌月の最後日に経過したと考える
   * ため、翌々月の初日から接種可能」). 4月1日 + 3月 → 7月1日; 11月30日 + 3月 → 3月1日; 1月31日 + 1月 → 3月1日.
   */
  public static LocalDate afterMonthsInterval(LocalDate dose, int months) {
    YearMonth month = YearMonth.from(dose).plusMonths(months);
    return dose.getDayOfMonth() <= month.lengthOfMonth()
        ? month.atDay(dose.getDayOfMonth())
        : month.plusMonths(1).atDay(1);
  }

  /**
   * 「N月半の間隔をおく」: N months by {@link #afterMonthsInterval}, then half of the month that day falls in — 14 days
   * in a month of 28, 15 in one of 29 or 30, 16 in one of 31 (「当該月が何日で終わるのかによって」). 令和5年4月1日 +
   * 2月半 → 6月1日 + 15日 → 6月16日.
   */
  public static LocalDate afterMonthsAndHalfInterval(LocalDate dose, int months) {
    LocalDate afterMonths = afterMonthsInterval(dose, months);
    return afterMonths.plusDays((afterMonths.lengthOfMonth() + 1) / 2);
  }

  /**
   * How many months of interval have passed by {@code on}: the number an 「N月の間隔」 is compared with
   * ({@code monthIntervals(dose, on) >= N} exactly when {@code on} is on or after {@link #afterMonthsInterval}).
   */
  public static int monthIntervals(LocalDate dose, LocalDate on) {
    if (on.isBefore(dose)) {
      throw new IllegalArgumentException("date " + on + " is before the dose " + dose);
    }
    int months = (on.getYear() - dose.getYear()) * 12 + on.getMonthValue() - dose.getMonthValue();
    while (months > 0 && afterMonthsInterval(dose, months).isAfter(on)) {
      months--;
    }
    while (!afterMonthsInterval(dose, months + 1).isAfter(on)) {
      months++;
    }
    return months;
  }

  /**
   * ロタウイルス's 「出生●週●日後」: the day of birth is 出生0週0日, the next day 0週1日, and 0週6日 is followed by 1週0日;
   * both 「から」 and 「まで」 include the day named. Born on a Monday, 出生24週0日後 is a Monday 168 days later.
   */
  public static LocalDate weeksAndDaysAfterBirth(LocalDate birth, int weeks, int days) {
    return birth.plusDays(weeks * 7L + days);
  }

  /** The days since birth on the 出生●週●日後 scale: 0 on the day of birth. */
  public static int daysSinceBirth(LocalDate birth, LocalDate on) {
    return Math.toIntExact(ChronoUnit.DAYS.between(birth, on));
  }

  /**
   * The school year (学年, April 1 to March 31) and the 年度 a day belongs to, named by the calendar year it starts
   * in.
   */
  public static int schoolYearOf(LocalDate day) {
    return JapaneseDates.fiscalYearOf(day);
  }

  /**
   * The school year in which a child is in 小学1年: the first school year that starts after the day on which the child
   * reaches 6 (学校教育法第17条: 「満六歳に達した日の翌日以後における最初の学年の初め」). A child born on 4月1日 reaches 6
   * on 3月31日 and so enters a year earlier than one born on 4月2日.
   */
  public static int elementaryEntryYear(LocalDate birth) {
    return schoolYearOf(yearsReachedOn(birth, 6)) + 1;
  }

  /**
   * The grade on a day: 1-6 小学, 7-9 中学, 10-12 高校 (相当, whether or not the child attends), 0 the year before
   * elementary school (就学前の1年間), negative before that.
   */
  public static int grade(LocalDate birth, LocalDate on) {
    return schoolYearOf(on) - elementaryEntryYear(birth) + 1;
  }

  public static LocalDate firstDayOfGrade(LocalDate birth, int grade) {
    return LocalDate.of(elementaryEntryYear(birth) + grade - 1, 4, 1);
  }

  public static LocalDate lastDayOfGrade(LocalDate birth, int grade) {
    return LocalDate.of(elementaryEntryYear(birth) + grade, 3, 31);
  }
}
