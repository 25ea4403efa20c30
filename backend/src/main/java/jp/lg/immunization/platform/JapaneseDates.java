package jp.lg.immunization.platform;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as staff read them: the Japanese era (和暦), e.g. 令和6年12月25日. */
public final class JapaneseDates {

  private static final DateTimeFormatter ERA_DATE =
      DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);

  private JapaneseDates() {}

  public static String format(LocalDate date) {
    if (date == null) {
      return "";
    }
    String formatted = ERA_DATE.format(JapaneseDate.from(date));
    // The first year of an era is written 元年.
    return formatted.replaceFirst("^(\\D+)1年", "$1元年");
  }
}
