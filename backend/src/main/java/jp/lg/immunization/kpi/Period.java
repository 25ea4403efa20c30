package jp.lg.immunization.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.OfficeCalendar;

/**
 * A reporting period, first and last day inclusive, in Japanese dates: this week (Monday to Sunday), a month, a
 * fiscal year (年度, April 1 to March 31) or a range chosen by the manager.
 */
record Period(String kind, LocalDate first, LocalDate last, String label) {

  static final int MAX_DAYS = 5 * 366;

  /** Buckets of the trend line: days for up to two months, months beyond. */
  String bucket() {
    return ChronoUnit.DAYS.between(first, last) <= 62 ? "day" : "month";
  }

  static Period of(String kind, String date, String from, String to, LocalDate today) {
    String chosen = kind == null || kind.isBlank() ? "MONTH" : kind.trim().toUpperCase(Locale.ROOT);
    LocalDate reference = date == null || date.isBlank() ? today : parse(date, "date");
    return switch (chosen) {
      case "WEEK" -> {
        LocalDate monday = reference.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new Period(chosen, monday, monday.plusDays(6), JapaneseDates.format(monday) + "の週");
      }
      case "MONTH" -> {
        LocalDate first = reference.withDayOfMonth(1);
        yield new Period(chosen, first, first.plusMonths(1).minusDays(1),
            first.getYear() + "年" + first.getMonthValue() + "月");
      }
      case "FISCAL_YEAR" -> {
        int startYear = JapaneseDates.fiscalYearOf(reference);
        yield new Period(chosen, LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31),
            JapaneseDates.formatFiscalYear(startYear));
      }
      case "CUSTOM" -> {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
          throw ApiException.badRequest("invalid_period", "期間を指定する場合は開始日と終了日を入力してください。");
        }
        LocalDate first = parse(from, "from");
        LocalDate last = parse(to, "to");
        if (last.isBefore(first)) {
          throw ApiException.badRequest("invalid_period", "終了日が開始日より前になっています。");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
          throw ApiException.badRequest("invalid_period", "期間は5年以内で指定してください。");
        }
        yield new Period(chosen, first, last, JapaneseDates.format(first) + "〜" + JapaneseDates.format(last));
      }
      default -> throw ApiException.badRequest("invalid_period",
          "期間の種類「" + kind + "」は使えません。WEEK（今週）、MONTH（月）、FISCAL_YEAR（年度）、CUSTOM（期間指定）のいずれかを指定してください。");
    };
  }


  private static LocalDate parse(String text, String field) {
    try {
      LocalDate day = LocalDate.parse(text.trim());
      if (day.isBefore(OfficeCalendar.FIRST) || day.isAfter(OfficeCalendar.LAST)) {
        throw ApiException.badRequest("invalid_date", "日付は2000年から2099年の範囲で指定してください（" + field + "）。");
      }
      return day;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_date", "日付「" + text + "」を読めません。YYYY-MM-DD の形で指定してください（" + field + "）。");
    }
  }
}
