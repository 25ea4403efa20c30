package jp.lg.immunization.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's business days: not Saturday or Sunday, not a 国民の祝日, not in the year-end closure (12/29-1/3),
 * not a configured closure day. Written to kpi_business_day at start-up so that SQL can count business days.
 */
@Component
class BusinessCalendar {

  static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST = LocalDate.of(2099, 12, 31);
  private static final MonthDay CLOSURE_START = MonthDay.of(12, 29);
  private static final MonthDay CLOSURE_END = MonthDay.of(1, 3);

  private final Set<LocalDate> closed = new HashSet<>();
  private final JdbcTemplate jdbc;

  BusinessCalendar(KpiProperties properties, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
      closed.addAll(JapaneseHolidays.of(year).keySet());
    }
    closed.addAll(properties.closureDays());
  }

  boolean isBusinessDay(LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || closed.contains(day)) {
      return false;
    }
    MonthDay monthDay = MonthDay.from(day);
    return monthDay.isBefore(CLOSURE_START) && monthDay.isAfter(CLOSURE_END);
  }

  /** Business days after {@code from} up to and including {@code to}: a step created and ended the same day took 0. */
  int businessDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** Writes the calendar table (idempotent; several nodes may start at once). */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void writeTable() {
    List<Object[]> rows = new ArrayList<>();
    int ordinal = 0;
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      boolean business = isBusinessDay(day);
      if (business) {
        ordinal++;
      }
      rows.add(new Object[] {day, business, ordinal});
    }
    jdbc.batchUpdate("""
        insert into kpi_business_day (day, business, ordinal) values (?, ?, ?)
        on conflict (day) do update set business = excluded.business, ordinal = excluded.ordinal
        where kpi_business_day.business <> excluded.business or kpi_business_day.ordinal <> excluded.ordinal""", rows);
  }
}
