package jp.lg.immunization.platform;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.Locale;
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
  private static final Pattern FIRST_YEAR = Pattern.compile("^(\\D+)1年");

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
    return FIRST_YEAR.matcher(formatted).replaceFirst("$1元年");
  }

  private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern ERA =
      Pattern.compile("(令和|平成|昭和|大正|明治|R|H|S|T|M)(元|\\d{1,2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

  /**
   * The eras a date may be typed in, with their real first and last days. 明治 is accepted from 明治6年1月1日, when
   * Japan adopted the Gregorian calendar (明治5年太政官布告第337号): earlier 明治 dates are lunisolar and no western
   * date can be computed from the numbers alone.
   */
  private enum Era {
    MEIJI("明治", "M", 1867, LocalDate.of(1873, 1, 1), LocalDate.of(1912, 7, 29)),
    TAISHO("大正", "T", 1911, LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
    SHOWA("昭和", "S", 1925, LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
    HEISEI("平成", "H", 1988, LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
    REIWA("令和", "R", 2018, LocalDate.of(2019, 5, 1), LocalDate.MAX);

    private final String name;
    private final String letter;
    private final int yearOffset;
    private final LocalDate first;
    private final LocalDate last;

    Era(String name, String letter, int yearOffset, LocalDate first, LocalDate last) {
      this.name = name;
      this.letter = letter;
      this.yearOffset = yearOffset;
      this.first = first;
      this.last = last;
    }

    static Era of(String nameOrLetter) {
      for (Era era : values()) {
        if (era.name.equals(nameOrLetter) || era.letter.equals(nameOrLetter)) {
          return era;
        }
      }
      throw new IllegalArgumentException(nameOrLetter);
    }

    String span() {
      return format(first) + "〜" + (last.equals(LocalDate.MAX) ? "" : format(last));
    }
  }

  /**
   * Reads a date as clerks and clinic software write it: 2024-04-01, 2024/4/1, 20240401, 令和6年4月1日, R6.4.1 or
   * 大正14年3月3日 (明治 to 令和, each only within its own first and last day: 平成35年 and 昭和64年1月8日 are no dates).
   * Full-width digits are read as half-width. Empty when it is not a date.
   */
  public static Optional<LocalDate> parse(String text) {
    return read(text).date();
  }

  /**
   * Why a text is not a date, in a sentence for the clerk when there is more to say than "not a date": an era date
   * outside its era names the era's span. Empty when the text is a date or simply not one.
   */
  public static Optional<String> problem(String text) {
    return Optional.ofNullable(read(text).problem());
  }

  private record Reading(Optional<LocalDate> date, String problem) {}

  private static Reading read(String text) {
    if (text == null) {
      return new Reading(Optional.empty(), null);
    }
    text = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
    try {
      Matcher era = ERA.matcher(text);
      if (era.matches()) {
        return eraDate(Era.of(era.group(1)), "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2)),
            Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)));
      }
      Matcher western = WESTERN.matcher(text);
      if (!western.matches()) {
        western = COMPACT.matcher(text);
      }
      if (western.matches()) {
        return new Reading(Optional.of(LocalDate.of(Integer.parseInt(western.group(1)),
            Integer.parseInt(western.group(2)), Integer.parseInt(western.group(3)))), null);
      }
    } catch (DateTimeException notADay) {
      return new Reading(Optional.empty(), null);
    }
    return new Reading(Optional.empty(), null);
  }

  private static Reading eraDate(Era era, int eraYear, int month, int day) {
    LocalDate date = eraYear < 1 ? null : LocalDate.of(era.yearOffset + eraYear, month, day);
    if (date == null || date.isBefore(era.first) || date.isAfter(era.last)) {
      return new Reading(Optional.empty(), era.name + (eraYear == 1 ? "元" : String.valueOf(eraYear)) + "年" + month
          + "月" + day + "日は" + era.name + "の期間（" + era.span() + "）にありません");
    }
    return new Reading(Optional.of(date), null);
  }
}
