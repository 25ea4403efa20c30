package jp.lg.immunization.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as staff read them: the Japanese era (和暦), e.g. 令和6年12月25日. */
public final class JapaneseDates {

  private static final DateTimeFormatter ERA_DATE =
      DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);
  private static final DateTimeFormatter ERA_FISCAL_YEAR = DateTimeFormatter.ofPattern("GGGGy年度", Locale.JAPAN);
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm").withZone(JAPAN);

  private JapaneseDates() {}

  public static String format(LocalDate date) {
    if (date == null) {
      return "";
    }
    return firstYearAsGannen(ERA_DATE.format(JapaneseDate.from(date)));
  }

  /** A moment as staff read it in Japan time, e.g. 令和8年11月26日 14:03. */
  public static String format(Instant instant) {
    if (instant == null) {
      return "";
    }
    return format(instant.atZone(JAPAN).toLocalDate()) + " " + TIME.format(instant);
  }

  /** The 年度 (April to March) a day belongs to, named by the year it starts in: 2027-01-05 → 2026. */
  public static int fiscalYearOf(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  /**
   * 年度 (April to March) named by the year it starts in, e.g. 2026 → 令和8年度, in the era of December 31 of that
   * year as the state names them: 2019 → 令和元年度 (though April 2019 was 平成31年), 1988 → 昭和63年度.
   */
  public static String formatFiscalYear(int startYear) {
    return firstYearAsGannen(ERA_FISCAL_YEAR.format(JapaneseDate.of(startYear, 12, 31)));
  }

  /** The first year of an era is written 元年. */
  private static String firstYearAsGannen(String formatted) {
    return formatted.replaceFirst("^(\\D+)1年", "$1元年");
  }

  private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern ERA = Pattern.compile("(令和|平成|昭和|R|H|S)(元|\\d{1,2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  // The year before each era's first year, so that era year + offset is the western year.
  private static final Map<String, Integer> ERA_OFFSETS = Map.of("令和", 2018, "R", 2018, "平成", 1988, "H", 1988,
      "昭和", 1925, "S", 1925);

  /**
   * Reads a date as clerks and clinic software write it: 2024-04-01, 2024/4/1, 20240401, 令和6年4月1日 or R6.4.1.
   * Half-width input is expected (callers normalise full-width digits first). Empty when it is not a date.
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      Matcher era = ERA.matcher(text);
      if (era.matches()) {
        int eraYear = "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2));
        return Optional.of(LocalDate.of(ERA_OFFSETS.get(era.group(1)) + eraYear, Integer.parseInt(era.group(3)),
            Integer.parseInt(era.group(4))));
      }
      Matcher western = WESTERN.matcher(text);
      if (!western.matches()) {
        western = COMPACT.matcher(text);
      }
      if (western.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(western.group(1)), Integer.parseInt(western.group(2)),
            Integer.parseInt(western.group(3))));
      }
    } catch (DateTimeException notADay) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
