package jp.lg.immunization.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.platform.OfficeCalendar;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The office calendar written to kpi_business_day at start-up so that SQL can count business days. */
@Component
class BusinessDayTable {

  private final OfficeCalendar calendar;
  private final JdbcTemplate jdbc;

  BusinessDayTable(OfficeCalendar calendar, JdbcTemplate jdbc) {
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  /** Idempotent; several nodes may start at once. Before the KPI roll-up, which counts business days with it. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  @Transactional
  public void write() {
    List<Object[]> rows = new ArrayList<>();
    int ordinal = 0;
    for (LocalDate day = OfficeCalendar.FIRST; !day.isAfter(OfficeCalendar.LAST); day = day.plusDays(1)) {
      boolean business = calendar.isBusinessDay(day);
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
