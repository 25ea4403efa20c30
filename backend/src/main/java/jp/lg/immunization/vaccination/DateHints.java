package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.lg.immunization.platform.LegalDates;

/**
 * Turns the date columns of the eligibility tables into dates. The tables say in the law's words from what a date
 * counts (生後2か月, 前回接種から27日以上の間隔, 13歳に至るまで, 出生14週6日後まで, 高校1年度末) so that staff can read and
 * change the rules in Camunda Modeler, while the arithmetic is {@link LegalDates}'s. Several hints joined by ・ mean the later of
 * them for a start and the earlier for an end. An unknown hint is an error in a table, never silently ignored.
 */
final class DateHints {

  /** The dates hints count from; absent ones are null. */
  record Anchors(LocalDate birthDate, LocalDate on, LocalDate firstDose, LocalDate lastDose, LocalDate lastOtherLive,
      Season season) {}

  private static final Pattern WEEKS = Pattern.compile("出生(\\d+)週(\\d)日後");
  private static final Pattern AGE_MONTHS = Pattern.compile("生後(\\d+)か月");
  private static final Pattern AGE_YEARS = Pattern.compile("(\\d+)歳");
  private static final Pattern AFTER_DOSE =
      Pattern.compile("(前回|1回目|他の生ワクチン)接種から(\\d+)(日|か月|か月半)以上の間隔");
  private static final Pattern GRADE = Pattern.compile("(就学前年|小学([1-6])年|中学([1-3])年|高校([1-3])年)度");
  private static final Pattern BEFORE_AGE_MONTHS = Pattern.compile("生後(\\d+)か月に至るまで");
  private static final Pattern BEFORE_AGE_YEARS = Pattern.compile("(\\d+)歳に至るまで");
  private static final Pattern UP_TO_WEEKS = Pattern.compile("出生(\\d+)週(\\d)日後まで");
  private static final Pattern GRADE_END = Pattern.compile("(就学前年|小学([1-6])年|中学([1-3])年|高校([1-3])年)度末");

  private DateHints() {}

  /** The first day a dose may be given. */
  static LocalDate from(String hint, Anchors anchors) {
    return combine(hint, anchors, DateHints::singleFrom, Comparator.naturalOrder());
  }

  /** The last day a dose may be given. */
  static LocalDate until(String hint, Anchors anchors) {
    return combine(hint, anchors, DateHints::singleUntil, Comparator.reverseOrder());
  }

  private static LocalDate combine(String hint, Anchors anchors, BiFunction<String, Anchors, LocalDate> single,
      Comparator<LocalDate> binding) {
    if (hint == null || hint.isBlank()) {
      return null;
    }
    return Arrays.stream(hint.split("・")).map(String::strip).map(part -> single.apply(part, anchors))
        .max(binding).orElseThrow();
  }

  private static LocalDate singleFrom(String hint, Anchors a) {
    Matcher m;
    if ((m = WEEKS.matcher(hint)).matches()) {
      return LegalDates.weeksAndDaysAfterBirth(a.birthDate(), number(m, 1), number(m, 2));
    }
    if ((m = AGE_MONTHS.matcher(hint)).matches()) {
      return LegalDates.monthsReachedOn(a.birthDate(), number(m, 1));
    }
    if ((m = AGE_YEARS.matcher(hint)).matches()) {
      return LegalDates.yearsReachedOn(a.birthDate(), number(m, 1));
    }
    if ((m = AFTER_DOSE.matcher(hint)).matches()) {
      LocalDate dose = switch (m.group(1)) {
        case "前回" -> a.lastDose();
        case "1回目" -> a.firstDose();
        default -> a.lastOtherLive();
      };
      if (dose == null) {
        throw new IllegalStateException("Eligibility table counts from a dose that was not given: " + hint);
      }
      return switch (m.group(3)) {
        case "日" -> LegalDates.afterDaysInterval(dose, number(m, 2));
        case "か月" -> LegalDates.afterMonthsInterval(dose, number(m, 2));
        default -> LegalDates.afterMonthsAndHalfInterval(dose, number(m, 2));
      };
    }
    if ((m = GRADE.matcher(hint)).matches()) {
      return LegalDates.firstDayOfGrade(a.birthDate(), grade(m));
    }
    return switch (hint) {
      case "シーズン開始" -> a.season().currentOrNextStart(a.on());
      case "次のシーズン開始" -> a.season().nextStartAfter(a.on());
      default -> throw new IllegalStateException("Unknown start hint in an eligibility table: " + hint);
    };
  }

  private static LocalDate singleUntil(String hint, Anchors a) {
    Matcher m;
    if ((m = BEFORE_AGE_MONTHS.matcher(hint)).matches()) {
      return LegalDates.monthsReachedOn(a.birthDate(), number(m, 1));
    }
    if ((m = BEFORE_AGE_YEARS.matcher(hint)).matches()) {
      return LegalDates.yearsReachedOn(a.birthDate(), number(m, 1));
    }
    if ((m = UP_TO_WEEKS.matcher(hint)).matches()) {
      return LegalDates.weeksAndDaysAfterBirth(a.birthDate(), number(m, 1), number(m, 2));
    }
    if ((m = GRADE_END.matcher(hint)).matches()) {
      return LegalDates.lastDayOfGrade(a.birthDate(), grade(m));
    }
    if (hint.equals("シーズン終了")) {
      return a.season().endOfSeasonStartingOn(a.season().currentOrNextStart(a.on()));
    }
    throw new IllegalStateException("Unknown end hint in an eligibility table: " + hint);
  }

  private static int grade(Matcher m) {
    if (m.group(2) != null) {
      return number(m, 2);
    }
    if (m.group(3) != null) {
      return 6 + number(m, 3);
    }
    if (m.group(4) != null) {
      return 9 + number(m, 4);
    }
    return LegalDates.PRESCHOOL_YEAR;
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
