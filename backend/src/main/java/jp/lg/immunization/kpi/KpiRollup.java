package jp.lg.immunization.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import jp.lg.immunization.platform.OfficeCalendar;
import jp.lg.immunization.workflow.ProcessFacts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily roll-ups of the KPI history. One aggregate per kind (started, completed) is written once in SQL and used two
 * ways: stored for finished days by the hourly job, computed directly for the days after them by the dashboard.
 * A day is rolled up once it has been over for {@link #GRACE}, so that nothing still being committed is missed.
 */
@Component
class KpiRollup {

  private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);
  private static final LocalTime GRACE = LocalTime.of(1, 0);
  private static final long LOCK = 0x4b50495f524f4c4cL; // "KPI_ROLL": one node rolls up at a time

  /** Processes (from the engine's history, whose timestamps are the JVM's local time) and steps started per day. */
  private static final String STARTED = """
      select ((started_at at time zone ?) at time zone 'Asia/Tokyo')::date as day, process_key,
             '' as task_key, cast(null as varchar) as process_name, cast(null as varchar) as task_name, count(*) as started
      from %s p where started_at >= ? and started_at < ? group by 1, 2
      union all
      select (created_at at time zone 'Asia/Tokyo')::date, process_key, task_key, max(process_name), max(task_name),
             count(*)
      from %s t where created_at >= ? and created_at < ? group by 1, 2, 3""".formatted(ProcessFacts.instances(),
      ProcessFacts.steps());

  /**
   * Processes and steps completed per day (and supervisor's decision): counts and sums, with the histograms of their
   * duration buckets and of the business days they took, from a finer grouping by both.
   */
  private static final String COMPLETED = """
      with fine as (
        select ((p.ended_at at time zone ?) at time zone 'Asia/Tokyo')::date as day, p.process_key,
               '' as task_key, '' as decision, e.ordinal - s.ordinal as business_days,
               kpi_duration_bucket(p.duration_ms / 1000.0) as duration_bucket,
               cast(null as varchar) as process_name, cast(null as varchar) as task_name, count(*) as completed,
               sum(p.duration_ms / 1000.0)::float8 as cycle_seconds, 0::bigint as claimed, 0::float8 as wait_seconds,
               0::float8 as work_seconds
        from %1$s p
        join kpi_business_day s on s.day = ((p.started_at at time zone ?) at time zone 'Asia/Tokyo')::date
        join kpi_business_day e on e.day = ((p.ended_at at time zone ?) at time zone 'Asia/Tokyo')::date
        where p.ended_at >= ? and p.ended_at < ? and p.state = 'COMPLETED'
        group by 1, 2, 5, 6
        union all
        select (t.ended_at at time zone 'Asia/Tokyo')::date, t.process_key, t.task_key,
               case when 'supervisor' = any (t.candidate_groups) and t.decision is not null
                    then case t.decision when 'APPROVE' then 'APPROVE' when 'REJECT' then 'REJECT'
                         else 'OTHER' end
                    else '' end,
               e.ordinal - s.ordinal, kpi_duration_bucket(extract(epoch from t.ended_at - t.created_at)),
               max(t.process_name), max(t.task_name), count(*),
               sum(extract(epoch from t.ended_at - t.created_at))::float8,
               count(t.claimed_at), coalesce(sum(extract(epoch from t.claimed_at - t.created_at)), 0)::float8,
               coalesce(sum(extract(epoch from t.ended_at - t.claimed_at)), 0)::float8
        from %2$s t
        join kpi_business_day s on s.day = (t.created_at at time zone 'Asia/Tokyo')::date
        join kpi_business_day e on e.day = (t.ended_at at time zone 'Asia/Tokyo')::date
        where t.status = 'COMPLETED' and t.ended_at >= ? and t.ended_at < ?
        group by 1, 2, 3, 4, 5, 6),
      totals as (
        select day, process_key, task_key, decision, max(process_name) as process_name, max(task_name) as task_name,
               sum(completed) as completed, sum(cycle_seconds) as cycle_seconds, sum(claimed) as claimed,
               sum(wait_seconds) as wait_seconds, sum(work_seconds) as work_seconds
        from fine group by 1, 2, 3, 4),
      durations as (
        select day, process_key, task_key, decision, array_agg(duration_bucket order by duration_bucket) as buckets,
               array_agg(n order by duration_bucket) as counts
        from (select day, process_key, task_key, decision, duration_bucket, sum(completed)::bigint as n
              from fine group by 1, 2, 3, 4, 5) d
        group by 1, 2, 3, 4),
      business as (
        select day, process_key, task_key, decision, array_agg(business_days order by business_days) as days,
               array_agg(n order by business_days) as counts
        from (select day, process_key, task_key, decision, business_days, sum(completed)::bigint as n
              from fine group by 1, 2, 3, 4, 5) b
        group by 1, 2, 3, 4)
      select t.day, t.process_key, t.task_key, t.decision, t.process_name, t.task_name, t.completed, t.cycle_seconds,
             t.claimed, t.wait_seconds, t.work_seconds, d.buckets as duration_buckets, d.counts as duration_counts,
             b.days as business_days, b.counts as business_day_counts
      from totals t
      join durations d using (day, process_key, task_key, decision)
      join business b using (day, process_key, task_key, decision)""".formatted(ProcessFacts.instances(),
      ProcessFacts.steps());

  private static final String STARTED_COLUMNS = "process_key, task_key, process_name, task_name, started";
  private static final String COMPLETED_COLUMNS = """
      process_key, task_key, decision, process_name, task_name, completed, cycle_seconds, claimed, wait_seconds, \
      work_seconds, duration_buckets, duration_counts, business_days, business_day_counts""";

  /**
   * The daily rows of a period, the stored days up to the roll-up and the later ones computed: {@code sql} is a
   * {@code with cells as (...)} clause for a select to follow, with its arguments.
   */
  record Cells(String sql, Object[] args) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  KpiRollup(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Rolls up the days finished since the last run; at start-up after the calendar table, then every hour. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  @Scheduled(cron = "${immunization.kpi.rollup-cron:0 5 * * * *}", zone = "Asia/Tokyo")
  @SchedulerLock(name = "kpi-rollup")
  @Transactional
  public void rollUp() {
    if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
      return;
    }
    LocalDate through = rolledThrough();
    LocalDate target = lastFinishedDay();
    if (through == null || through.isBefore(target)) {
      replace(through == null ? OfficeCalendar.FIRST : through.plusDays(1), target);
    }
  }

  /**
   * Computes the days from {@code from} again (after history was imported or corrected), up to the last finished day
   * or {@code through} if given; the roll-up then ends there. The number of rows written.
   */
  @Transactional
  public int rebuild(LocalDate from, LocalDate through) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
    return replace(from, through == null ? lastFinishedDay() : through);
  }

  LocalDate rolledThrough() {
    return jdbc.query("select rolled_through from kpi_rollup_state",
        rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
  }

  private int replace(LocalDate from, LocalDate through) {
    long start = System.nanoTime();
    jdbc.update("delete from kpi_day_started where day >= ?", from);
    jdbc.update("delete from kpi_day_completed where day >= ?", from);
    int rows = 0;
    if (!from.isAfter(through)) {
      Timestamp[] range = {KpiQueries.start(from), KpiQueries.start(through.plusDays(1))};
      rows += jdbc.update("insert into kpi_day_started (day, " + STARTED_COLUMNS + ") " + STARTED, startedArgs(range));
      rows += jdbc.update("insert into kpi_day_completed (day, " + COMPLETED_COLUMNS + ") " + COMPLETED,
          completedArgs(range));
    }
    LocalDate rolled = from.isAfter(through) ? from.minusDays(1) : through;
    jdbc.update("""
        insert into kpi_rollup_state (singleton, rolled_through, rolled_at) values (true, ?, now())
        on conflict (singleton) do update set rolled_through = excluded.rolled_through, rolled_at = excluded.rolled_at""",
        rolled);
    log.info("KPI roll-up: {} rows for {} to {} in {} ms", rows, from, through, (System.nanoTime() - start) / 1_000_000);
    return rows;
  }

  /** The started rows of the days from {@code first} to {@code last}. */
  Cells started(LocalDate first, LocalDate last, LocalDate rolled) {
    return cells(first, last, rolled, STARTED_COLUMNS, "kpi_day_started", STARTED, KpiRollup::startedArgs);
  }

  /** The completed rows of the days from {@code first} to {@code last}. */
  Cells completed(LocalDate first, LocalDate last, LocalDate rolled) {
    return cells(first, last, rolled, COMPLETED_COLUMNS, "kpi_day_completed", COMPLETED, KpiRollup::completedArgs);
  }

  /**
   * A {@code with cells as (...)} clause over the period: stored days up to {@code rolled} (the roll-up as read once
   * for the whole dashboard) and the rest computed; everything computed when {@code rolled} is null.
   */
  private Cells cells(LocalDate first, LocalDate last, LocalDate rolled, String columns, String table, String compute,
                      java.util.function.Function<Timestamp[], Object[]> argsOf) {
    LocalDate liveFrom = rolled == null || rolled.isBefore(first) ? first : rolled.plusDays(1);
    LocalDate storedTo = rolled == null || rolled.isAfter(last) ? last : rolled;
    Timestamp[] live = liveFrom.isAfter(last)
        ? new Timestamp[] {KpiQueries.start(first), KpiQueries.start(first)}
        : new Timestamp[] {KpiQueries.start(liveFrom), KpiQueries.start(last.plusDays(1))};
    String sql = "with cells as (select day, " + columns + " from " + table + " where day >= ? and day <= ? and ?"
        + " union all select * from (" + compute + ") computed)";
    List<Object> args = new java.util.ArrayList<>(List.of(first, storedTo, rolled != null));
    args.addAll(List.of(argsOf.apply(live)));
    return new Cells(sql, args.toArray());
  }

  private static Object[] startedArgs(Timestamp[] range) {
    return new Object[] {jvmZone(), range[0], range[1], range[0], range[1]};
  }

  private static Object[] completedArgs(Timestamp[] range) {
    String zone = jvmZone();
    return new Object[] {zone, zone, zone, range[0], range[1], range[0], range[1]};
  }

  private static String jvmZone() {
    return TimeZone.getDefault().getID();
  }

  private LocalDate lastFinishedDay() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(KpiQueries.JAPAN));
    return now.toLocalTime().isBefore(GRACE) ? now.toLocalDate().minusDays(2) : now.toLocalDate().minusDays(1);
  }
}
