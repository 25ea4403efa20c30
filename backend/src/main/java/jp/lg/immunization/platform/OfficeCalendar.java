package jp.lg.immunization.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  private final Set<LocalDate> closed = new HashSet<>();
  private final OfficeProperties properties;

  OfficeCalendar(OfficeProperties properties) {
    this.properties = properties;
    for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
      closed.addAll(JapaneseHolidays.of(year).keySet());
    }
    closed.addAll(properties.closureDays());
  }

  /** A calendar with extra closure days and the default hours, for tests of code that counts business days. */
  public static OfficeCalendar withClosureDays(List<LocalDate> closureDays) {
    return new OfficeCalendar(new OfficeProperties(closureDays, null, null));
  }

  public boolean isBusinessDay(LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || closed.contains(day)) {
      return false;
    }
    MonthDay monthDay = MonthDay.from(day);
    return monthDay.isBefore(CLOSURE_START) && monthDay.isAfter(CLOSURE_END);
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
