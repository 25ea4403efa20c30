package jp.lg.immunization.vaccination;

import java.time.LocalDate;

/**
 * Japanese school years (学年): a school year runs from April 1 to March 31, and a child enters elementary school
 * (小学1年) in the first school year that starts after the day on which the child reaches 6. By the 年齢計算ニ関スル法律
 * an age is reached at the end of the day before the birthday, so a child born on April 1 reaches 6 on March 31 and
 * joins the earlier year than a child born on April 2.
 */
final class SchoolYears {

  /** 就学前の1年間 (年長): the grade number of the school year before elementary school. */
  static final int PRESCHOOL_YEAR = 0;

  private SchoolYears() {}

  /** The school year a date falls in, named by the calendar year in which it starts. */
  static int schoolYearOf(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
  }

  /** The school year in which the child is in 小学1年. */
  static int elementaryEntryYear(LocalDate birthDate) {
    return schoolYearOf(birthDate.minusDays(1)) + 7;
  }

  /**
   * The grade on a date: 1-6 小学, 7-9 中学, 10-12 高校 (相当, whether or not the child attends), 0 the year before
   * elementary school, negative before that.
   */
  static int grade(LocalDate birthDate, LocalDate on) {
    return schoolYearOf(on) - elementaryEntryYear(birthDate) + 1;
  }

  static LocalDate firstDayOfGrade(LocalDate birthDate, int grade) {
    return LocalDate.of(elementaryEntryYear(birthDate) + grade - 1, 4, 1);
  }

  static LocalDate lastDayOfGrade(LocalDate birthDate, int grade) {
    return LocalDate.of(elementaryEntryYear(birthDate) + grade, 3, 31);
  }
}
