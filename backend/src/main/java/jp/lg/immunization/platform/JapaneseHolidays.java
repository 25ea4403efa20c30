package jp.lg.immunization.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * 国民の祝日 of any year from 2000 to 2099, computed by the rules of 国民の祝日に関する法律: fixed dates, the Happy
 * Monday days (成人の日, 海の日, 敬老の日, スポーツの日), 春分の日 and 秋分の日 by the usual approximation formula
 * (the official dates are announced a year ahead by the 国立天文台 and agree with it for this century), 振替休日 (a
 * holiday on Sunday moves to the next day that is not a holiday) and 国民の休日 (a day between two holidays).
 * The one-off changes of 2019 (即位) and of the 2020/2021 Olympic years are included.
 */
public final class JapaneseHolidays {

  private JapaneseHolidays() {}

  /** The holidays of one year, by date, with their names. */
  public static Map<LocalDate, String> of(int year) {
    if (year < 2000 || year > 2099) {
      throw new IllegalArgumentException("祝日は2000年から2099年まで計算できます: " + year);
    }
    TreeMap<LocalDate, String> days = new TreeMap<>();
    days.put(LocalDate.of(year, 1, 1), "元日");
    days.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
    days.put(LocalDate.of(year, 2, 11), "建国記念の日");
    if (year >= 2020) {
      days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
    } else if (year <= 2018) {
      days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
    }
    days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
    days.put(LocalDate.of(year, 4, 29), year >= 2007 ? "昭和の日" : "みどりの日");
    days.put(LocalDate.of(year, 5, 3), "憲法記念日");
    if (year >= 2007) {
      days.put(LocalDate.of(year, 5, 4), "みどりの日");
    }
    days.put(LocalDate.of(year, 5, 5), "こどもの日");
    switch (year) {
      case 2020 -> {
        days.put(LocalDate.of(2020, 7, 23), "海の日");
        days.put(LocalDate.of(2020, 7, 24), "スポーツの日");
        days.put(LocalDate.of(2020, 8, 10), "山の日");
      }
      case 2021 -> {
        days.put(LocalDate.of(2021, 7, 22), "海の日");
        days.put(LocalDate.of(2021, 7, 23), "スポーツの日");
        days.put(LocalDate.of(2021, 8, 8), "山の日");
      }
      default -> {
        days.put(year >= 2003 ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20), "海の日");
        if (year >= 2016) {
          days.put(LocalDate.of(year, 8, 11), "山の日");
        }
        days.put(nthMonday(year, Month.OCTOBER, 2), year >= 2020 ? "スポーツの日" : "体育の日");
      }
    }
    days.put(year >= 2003 ? nthMonday(year, Month.SEPTEMBER, 3) : LocalDate.of(year, 9, 15), "敬老の日");
    days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
    days.put(LocalDate.of(year, 11, 3), "文化の日");
    days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
    if (year == 2019) {
      days.put(LocalDate.of(2019, 5, 1), "天皇の即位の日");
      days.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");
    }
    // 国民の休日: a weekday between two holidays (since 1985; 5/4 until 2006, September in some years, 2019).
    TreeMap<LocalDate, String> between = new TreeMap<>();
    for (LocalDate day : days.keySet()) {
      LocalDate next = day.plusDays(1);
      if (!days.containsKey(next) && days.containsKey(next.plusDays(1)) && next.getDayOfWeek() != DayOfWeek.SUNDAY) {
        between.put(next, "国民の休日");
      }
    }
    days.putAll(between);
    // 振替休日: a holiday on Sunday moves to the next day that is not a holiday.
    TreeMap<LocalDate, String> substitutes = new TreeMap<>();
    for (LocalDate day : days.keySet()) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = day.plusDays(1);
        while (days.containsKey(substitute)) {
          substitute = substitute.plusDays(1);
        }
        substitutes.put(substitute, "振替休日");
      }
    }
    days.putAll(substitutes);
    return days;
  }

  static int vernalEquinoxDay(int year) {
    return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
  }

  static int autumnalEquinoxDay(int year) {
    return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
  }

  private static LocalDate nthMonday(int year, Month month, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
  }
}
