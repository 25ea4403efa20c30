package jp.lg.immunization.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The office's business days and hours: not Saturday or Sunday, not a 国民の祝日, not in the year-end closure
 * (12/29-1/3), not a configured closure day; open from {@code opensAt} to {@code closesAt} on those days.
 */
@Component
public class OfficeCalendar {

  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2099, 12, 31);
  private static final MonthDay CLOSURE_START = MonthDay.of(12, 29);
  private static final MonthDay CLOSURE_END = MonthDay.of(1, 3);

  /** Closed days other than weekends and the year-end closure, with why: the holiday's name or 閉庁日. */
  private final Map<LocalDate, String> closed = new HashMap<>();
  private final OfficeProperties properties;

  OfficeCalendar(OfficeProperties properties) {
    this.properties = properties;
    properties.closureDays().forEach(day -> closed.put(day, "閉庁日"));
    for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
      closed.putAll(JapaneseHolidays.of(year));
    }
  }

  /** A calendar with extra closure days and the default hours, for tests of code that counts business days. */
  public static OfficeCalendar withClosureDays(List<LocalDate> closureDays) {
    return new OfficeCalendar(new OfficeProperties(closureDays, null, null));
  }

  public boolean isBusinessDay(LocalDate day) {
    return closedBecause(day).isEmpty();
  }

  /** Why the office is closed that day (土曜日, 日曜日, the holiday's name, 年末年始, 閉庁日); empty on a business day. */
  public Optional<String> closedBecause(LocalDate day) {
    if (closed.containsKey(day)) {
      return Optional.of(closed.get(day));
    }
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      return Optional.of("土曜日");
    }
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return Optional.of("日曜日");
    }
    MonthDay monthDay = MonthDay.from(day);
    return monthDay.isBefore(CLOSURE_START) && monthDay.isAfter(CLOSURE_END) ? Optional.empty() : Optional.of("年末年始");
  }

  public LocalTime opensAt() {
    return properties.opensAt();
  }

  public LocalTime closesAt() {
    return properties.closesAt();
  }

  /** Inside office hours on a business day (opening time included, closing time excluded). */
  public boolean isOfficeHours(LocalDateTime time) {
    return isBusinessDay(time.toLocalDate())
        && !time.toLocalTime().isBefore(properties.opensAt())
        && time.toLocalTime().isBefore(properties.closesAt());
  }

  /** Business days after {@code from} up to and including {@code to}: a step created and ended the same day took 0. */
  public int businessDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        count++;
      }
    }
    return count;
  }
}
