package jp.lg.immunization.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.OfficeCalendar;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.ProcessFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' first screen: a few figures to read at a glance (open work, overdue now, this month against the last),
 * a trend of the last weeks, the steps that are overdue now, and a paged list of those steps to drill into. Each is
 * one small aggregate over an index (open steps by due date, the daily roll-ups), so the screen is drawn at once.
 */
@Service
class KpiSummary {

  static final int TREND_WEEKS = 12;
  static final int MAX_PAGE_SIZE = 100;

  record Headline(long open, long overdue, long dueSoon, long unclaimed, long startedThisMonth,
                  long completedThisMonth, long startedLastMonth, long completedLastMonth) {}

  /** A week from its Monday: processes started and completed, steps completed. */
  record Week(LocalDate monday, long processesStarted, long processesCompleted, long tasksCompleted) {}

  /** A step with open work past its due date now, and how many. */
  record Breach(String processKey, String processName, String taskKey, String taskName, long overdue,
                Instant oldestDueAt) {}

  record Summary(Instant at, LocalDate today, Headline headline, List<Week> trend, List<Breach> breaches) {}

  /** An overdue open step as the drill-down lists it: ids, kinds and dates, never case data. */
  record OverdueStep(String id, String processKey, String processName, String taskKey, String taskName,
                     String assigneeName, List<String> candidateGroups, Instant createdAt, Instant dueAt,
                     int businessDaysOverdue) {}

  record Page(long total, int page, int size, List<OverdueStep> items) {}

  private final JdbcTemplate jdbc;
  private final KpiRollup rollup;
  private final OfficeCalendar calendar;
  private final UserDirectory users;
  private final Clock clock;

  KpiSummary(JdbcTemplate jdbc, KpiRollup rollup, OfficeCalendar calendar, UserDirectory users, Clock clock) {
    this.jdbc = jdbc;
    this.rollup = rollup;
    this.calendar = calendar;
    this.users = users;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Summary summary() {
    Instant now = Instant.now(clock);
    LocalDate today = now.atZone(KpiQueries.JAPAN).toLocalDate();
    // Due soon as the task list says it: by the end of the next business day.
    Timestamp soon = Timestamp.from(SlaDueDates.closingAfter(calendar, today, 1));
    long[] open = jdbc.queryForObject("""
        select count(*), count(*) filter (where due_at < ?), count(*) filter (where due_at >= ? and due_at <= ?),
               count(*) filter (where assignee is null)
        from %s s where status = 'OPEN'""".formatted(ProcessFacts.steps()),
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
        Timestamp.from(now), Timestamp.from(now), soon);

    LocalDate thisMonth = today.withDayOfMonth(1);
    LocalDate lastMonth = thisMonth.minusMonths(1);
    LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(TREND_WEEKS - 1);
    LocalDate first = firstMonday.isBefore(lastMonth) ? firstMonday : lastMonth;
    Map<LocalDate, long[]> days = new LinkedHashMap<>();
    LocalDate rolled = rollup.rolledThrough();
    KpiRollup.Cells started = rollup.started(first, today, rolled);
    jdbc.query(started.sql() + " select day, sum(started) from cells where task_key = '' group by 1",
        rs -> { days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new long[3])[0] += rs.getLong(2); },
        started.args());
    KpiRollup.Cells completed = rollup.completed(first, today, rolled);
    jdbc.query(completed.sql() + " select day, task_key = '', sum(completed) from cells group by 1, 2",
        rs -> { days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new long[3])[rs.getBoolean(2) ? 1 : 2]
            += rs.getLong(3); }, completed.args());

    long[] months = new long[4];
    Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
    for (int i = 0; i < TREND_WEEKS; i++) {
      weeks.put(firstMonday.plusWeeks(i), new long[3]);
    }
    days.forEach((day, counts) -> {
      if (!day.isBefore(thisMonth)) {
        months[0] += counts[0];
        months[1] += counts[1];
      } else if (!day.isBefore(lastMonth)) {
        months[2] += counts[0];
        months[3] += counts[1];
      }
      long[] week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
      if (week != null) {
        for (int i = 0; i < 3; i++) {
          week[i] += counts[i];
        }
      }
    });
    List<Week> trend = new ArrayList<>();
    weeks.forEach((monday, counts) -> trend.add(new Week(monday, counts[0], counts[1], counts[2])));

    List<Breach> breaches = jdbc.query("""
        select process_key, max(process_name), task_key, max(task_name), count(*), min(due_at)
        from %s s where status = 'OPEN' and due_at < ?
        group by process_key, task_key order by 5 desc, 6, 1, 3 limit 10""".formatted(ProcessFacts.steps()),
        (rs, i) -> new Breach(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getTimestamp(6).toInstant()), Timestamp.from(now));
    return new Summary(now, today,
        new Headline(open[0], open[1], open[2], open[3], months[0], months[1], months[2], months[3]), trend, breaches);
  }

  /** The open steps past their due date now, most overdue first, optionally of one process and step. */
  @Transactional(readOnly = true)
  Page overdue(String processKey, String taskKey, int page, int size) {
    if (page < 0) {
      throw ApiException.badRequest("invalid_page", "ページは0以上で指定してください。");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("invalid_size", "1ページの件数は1から%dまでで指定してください。".formatted(MAX_PAGE_SIZE));
    }
    Instant now = Instant.now(clock);
    LocalDate today = now.atZone(KpiQueries.JAPAN).toLocalDate();
    StringBuilder where = new StringBuilder("status = 'OPEN' and due_at < ?");
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(now)));
    if (processKey != null && !processKey.isBlank()) {
      where.append(" and process_key = ?");
      args.add(processKey.trim());
    }
    if (taskKey != null && !taskKey.isBlank()) {
      where.append(" and task_key = ?");
      args.add(taskKey.trim());
    }
    long total = jdbc.queryForObject("select count(*) from %s s where %s".formatted(ProcessFacts.steps(), where),
        Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<OverdueStep> items = jdbc.query("""
        select id, process_key, process_name, task_key, task_name, assignee, candidate_groups, created_at, due_at
        from %s s where %s order by due_at, id limit ? offset ?""".formatted(ProcessFacts.steps(), where),
        (rs, i) -> {
          Instant due = rs.getTimestamp(9).toInstant();
          String assignee = rs.getString(6);
          java.sql.Array groups = rs.getArray(7);
          return new OverdueStep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              assignee == null ? null : users.displayName(assignee),
              groups == null ? List.of() : List.of((String[]) groups.getArray()), rs.getTimestamp(8).toInstant(), due,
              calendar.businessDaysBetween(due.atZone(KpiQueries.JAPAN).toLocalDate(), today));
        }, pageArgs.toArray());
    return new Page(total, page, size, items);
  }
}
