package jp.lg.immunization.kpi;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import jp.lg.immunization.kpi.SlaTargets.Scope;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI computations, each one SQL aggregate over an index range: steps from the task read model, whole processes
 * from the engine's history, business days from the calendar table. Answers hold counts and durations only.
 */
@Service
class KpiQueries {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  /** Age bands of open steps, in calendar days since they were created. */
  static final List<String> AGE_BANDS = List.of("1日未満", "1〜2日", "3〜6日", "7〜13日", "14〜29日", "30日以上");
  private static final String AGE_BAND = """
      case when age < 1 then 0 when age < 3 then 1 when age < 7 then 2 when age < 14 then 3 when age < 30 then 4
           else 5 end""";

  record Stats(long started, long completed, long open, Double avgCycleHours, Double p90CycleHours,
               Double avgWaitHours, Double avgWorkHours) {
    static final Stats NONE = new Stats(0, 0, 0, null, null, null, null);
  }

  record Sla(int targetDays, boolean setByManager, long completedWithin, long completedBreached, long openBreached,
             long openAtRisk) {}

  record ProcessRow(String processKey, String processName, Stats stats, Sla sla) {}

  record TaskRow(String processKey, String processName, String taskKey, String taskName, Stats stats, Sla sla) {}

  record TrendPoint(LocalDate bucket, long processesStarted, long processesCompleted, long tasksCompleted) {}

  record AgeingRow(String kind, String key, String label, List<Long> counts) {}

  record OpenTask(String id, String processKey, String processName, String taskKey, String taskName,
                  String assignee, String assigneeName, List<String> candidateGroups, Instant createdAt,
                  long ageDays, int businessDaysOpen, int slaDays) {}

  record ApprovalRow(String processKey, String processName, String taskKey, String taskName, long decided,
                     long approved, long rejected, long other, Double approvalRate, Double rejectionRate,
                     Double avgTurnaroundHours, Double p90TurnaroundHours) {}

  record Dashboard(Period period, List<String> ageBands, List<ProcessRow> processes, List<TaskRow> tasks,
                   List<TrendPoint> trend, List<AgeingRow> ageing, List<OpenTask> oldest,
                   List<ApprovalRow> approvals) {}

  record CoverageRow(String vaccine, int cohortFiscalYear, String district, long population, long vaccinated,
                     double rate) {}

  private final JdbcTemplate jdbc;
  private final ProcessTypes processTypes;
  private final SlaTargets slaTargets;
  private final UserDirectory users;
  private final Clock clock;

  KpiQueries(JdbcTemplate jdbc, ProcessTypes processTypes, SlaTargets slaTargets, UserDirectory users, Clock clock) {
    this.jdbc = jdbc;
    this.processTypes = processTypes;
    this.slaTargets = slaTargets;
    this.users = users;
    this.clock = clock;
  }

  /** Indexes the KPIs need on the engine's history, which Flyway cannot create (the engine makes its tables). */
  @EventListener(ApplicationReadyEvent.class)
  public void indexHistory() {
    jdbc.execute("create index if not exists kpi_hi_procinst_start on act_hi_procinst (start_time_)");
    jdbc.execute("create index if not exists kpi_hi_procinst_open on act_hi_procinst (proc_def_key_) where end_time_ is null");
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(JAPAN));
  }

  @Transactional(readOnly = true)
  Dashboard dashboard(Period period) {
    Timestamp from = start(period.first());
    Timestamp to = start(period.last().plusDays(1));
    SlaTargets.Resolver targets = slaTargets.resolver();
    int todayOrdinal = ordinal(today());
    Map<String, ProcessTypes.ProcessType> types = processTypes.latest();

    // Whole processes, from the engine's history. Its timestamps are the JVM's local time without a zone.
    String jvmZone = TimeZone.getDefault().getID();
    Map<String, long[]> started = new HashMap<>();
    jdbc.query("select proc_def_key_, count(*) from act_hi_procinst where start_time_ >= ? and start_time_ < ? group by 1",
        rs -> { started.put(rs.getString(1), new long[] {rs.getLong(2)}); }, from, to);
    Map<String, Stats> processStats = new HashMap<>();
    jdbc.query("""
        select proc_def_key_, count(*), avg(duration_) / 3600000.0,
               percentile_cont(0.9) within group (order by duration_) / 3600000.0
        from act_hi_procinst where end_time_ >= ? and end_time_ < ? and state_ = 'COMPLETED' group by 1""",
        rs -> { processStats.put(rs.getString(1), new Stats(0, rs.getLong(2), 0, dbl(rs, 3), dbl(rs, 4), null, null)); },
        from, to);
    Map<String, Long> openProcesses = new HashMap<>();
    jdbc.query("select proc_def_key_, count(*) from act_hi_procinst where end_time_ is null group by 1",
        rs -> { openProcesses.put(rs.getString(1), rs.getLong(2)); });
    Map<String, Histogram> processDone = new HashMap<>();
    jdbc.query("""
        select p.proc_def_key_, e.ordinal - s.ordinal, count(*)
        from act_hi_procinst p
        join kpi_business_day s on s.day = ((p.start_time_ at time zone ?) at time zone 'Asia/Tokyo')::date
        join kpi_business_day e on e.day = ((p.end_time_ at time zone ?) at time zone 'Asia/Tokyo')::date
        where p.end_time_ >= ? and p.end_time_ < ? and p.state_ = 'COMPLETED' group by 1, 2""",
        rs -> { processDone.computeIfAbsent(rs.getString(1), k -> new Histogram()).add(rs.getInt(2), rs.getLong(3)); },
        jvmZone, jvmZone, from, to);
    Map<String, Histogram> processOpen = new HashMap<>();
    jdbc.query("""
        select p.proc_def_key_, ? - s.ordinal, count(*)
        from act_hi_procinst p
        join kpi_business_day s on s.day = ((p.start_time_ at time zone ?) at time zone 'Asia/Tokyo')::date
        where p.end_time_ is null group by 1, 2""",
        rs -> { processOpen.computeIfAbsent(rs.getString(1), k -> new Histogram()).add(rs.getInt(2), rs.getLong(3)); },
        todayOrdinal, jvmZone);

    Map<String, String> processNames = new LinkedHashMap<>();
    types.values().forEach(type -> processNames.put(type.key(), type.name()));
    for (var keys : List.of(started.keySet(), processStats.keySet(), openProcesses.keySet())) {
      keys.forEach(key -> processNames.putIfAbsent(key, key));
    }
    List<ProcessRow> processes = new ArrayList<>();
    processNames.forEach((key, name) -> {
      Stats done = processStats.getOrDefault(key, Stats.NONE);
      Stats stats = new Stats(started.getOrDefault(key, new long[] {0})[0], done.completed(),
          openProcesses.getOrDefault(key, 0L), done.avgCycleHours(), done.p90CycleHours(), null, null);
      processes.add(new ProcessRow(key, name, stats,
          sla(targets.target(Scope.PROCESS, key), processDone.get(key), processOpen.get(key))));
    });

    // Steps, from the task read model.
    Map<String, String[]> taskNames = new LinkedHashMap<>();
    types.values().forEach(type -> type.tasks().forEach(task ->
        taskNames.put(type.key() + "\u0000" + task.key(), new String[] {type.key(), type.name(), task.key(), task.name()})));
    Map<String, Long> tasksStarted = new HashMap<>();
    jdbc.query("""
        select process_key, task_key, max(process_name), max(name), count(*) from task_view
        where created_at >= ? and created_at < ? group by 1, 2""",
        rs -> { tasksStarted.put(name(taskNames, rs), rs.getLong(5)); }, from, to);
    Map<String, Stats> tasksDone = new HashMap<>();
    jdbc.query("""
        select process_key, task_key, max(process_name), max(name), count(*),
               avg(extract(epoch from ended_at - created_at)) / 3600,
               percentile_cont(0.9) within group (order by extract(epoch from ended_at - created_at)) / 3600,
               avg(extract(epoch from claimed_at - created_at)) / 3600,
               avg(extract(epoch from ended_at - claimed_at)) / 3600
        from task_view where status = 'COMPLETED' and ended_at >= ? and ended_at < ? group by 1, 2""",
        rs -> { tasksDone.put(name(taskNames, rs), new Stats(0, rs.getLong(5), 0, dbl(rs, 6), dbl(rs, 7), dbl(rs, 8),
            dbl(rs, 9))); }, from, to);
    Map<String, Long> tasksOpen = new HashMap<>();
    jdbc.query("select process_key, task_key, max(process_name), max(name), count(*) from task_view where status = 'OPEN' group by 1, 2",
        rs -> { tasksOpen.put(name(taskNames, rs), rs.getLong(5)); });
    Map<String, Histogram> taskDoneDays = new HashMap<>();
    jdbc.query("""
        select t.process_key, t.task_key, e.ordinal - s.ordinal, count(*)
        from task_view t
        join kpi_business_day s on s.day = (t.created_at at time zone 'Asia/Tokyo')::date
        join kpi_business_day e on e.day = (t.ended_at at time zone 'Asia/Tokyo')::date
        where t.status = 'COMPLETED' and t.ended_at >= ? and t.ended_at < ? group by 1, 2, 3""",
        rs -> { taskDoneDays.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new Histogram())
            .add(rs.getInt(3), rs.getLong(4)); }, from, to);
    Map<String, Histogram> taskOpenDays = new HashMap<>();
    jdbc.query("""
        select t.process_key, t.task_key, ? - s.ordinal, count(*)
        from task_view t join kpi_business_day s on s.day = (t.created_at at time zone 'Asia/Tokyo')::date
        where t.status = 'OPEN' group by 1, 2, 3""",
        rs -> { taskOpenDays.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new Histogram())
            .add(rs.getInt(3), rs.getLong(4)); }, todayOrdinal);
    List<TaskRow> tasks = new ArrayList<>();
    taskNames.forEach((key, names) -> {
      Stats done = tasksDone.getOrDefault(key, Stats.NONE);
      Stats stats = new Stats(tasksStarted.getOrDefault(key, 0L), done.completed(), tasksOpen.getOrDefault(key, 0L),
          done.avgCycleHours(), done.p90CycleHours(), done.avgWaitHours(), done.avgWorkHours());
      tasks.add(new TaskRow(names[0], names[1], names[2], names[3], stats,
          sla(targets.target(Scope.TASK, names[2]), taskDoneDays.get(key), taskOpenDays.get(key))));
    });

    return new Dashboard(period, AGE_BANDS, processes, tasks, trend(period, from, to), ageing(), oldest(10, null, null, targets),
        approvals(from, to));
  }

  private List<TrendPoint> trend(Period period, Timestamp from, Timestamp to) {
    String unit = period.bucket();
    Map<LocalDate, long[]> points = new LinkedHashMap<>();
    LocalDate bucket = unit.equals("day") ? period.first() : period.first().withDayOfMonth(1);
    while (!bucket.isAfter(period.last())) {
      points.put(bucket, new long[3]);
      bucket = unit.equals("day") ? bucket.plusDays(1) : bucket.plusMonths(1);
    }
    String jvmZone = TimeZone.getDefault().getID();
    jdbc.query("""
        select date_trunc(?, ((start_time_ at time zone ?) at time zone 'Asia/Tokyo'))::date, count(*)
        from act_hi_procinst where start_time_ >= ? and start_time_ < ? group by 1""",
        rs -> { add(points, rs, 0); }, unit, jvmZone, from, to);
    jdbc.query("""
        select date_trunc(?, ((end_time_ at time zone ?) at time zone 'Asia/Tokyo'))::date, count(*)
        from act_hi_procinst where end_time_ >= ? and end_time_ < ? and state_ = 'COMPLETED' group by 1""",
        rs -> { add(points, rs, 1); }, unit, jvmZone, from, to);
    jdbc.query("""
        select date_trunc(?, ended_at at time zone 'Asia/Tokyo')::date, count(*)
        from task_view where status = 'COMPLETED' and ended_at >= ? and ended_at < ? group by 1""",
        rs -> { add(points, rs, 2); }, unit, from, to);
    List<TrendPoint> trend = new ArrayList<>();
    points.forEach((day, counts) -> trend.add(new TrendPoint(day, counts[0], counts[1], counts[2])));
    return trend;
  }

  private static void add(Map<LocalDate, long[]> points, ResultSet rs, int index) throws SQLException {
    long[] counts = points.get(rs.getObject(1, LocalDate.class));
    if (counts != null) {
      counts[index] += rs.getLong(2);
    }
  }

  /** Open steps by age band: unclaimed ones per candidate group, claimed ones per user. */
  private List<AgeingRow> ageing() {
    Timestamp now = Timestamp.from(Instant.now(clock));
    Map<String, long[]> groups = new java.util.TreeMap<>();
    jdbc.query("""
        select grp, band, count(*) from (
          select unnest(candidate_groups) grp, %s band
          from (select candidate_groups, extract(epoch from (? - created_at)) / 86400 age
                from task_view where status = 'OPEN' and assignee is null) t) b
        group by 1, 2""".formatted(AGE_BAND),
        rs -> { groups.computeIfAbsent(rs.getString(1), k -> new long[AGE_BANDS.size()])[rs.getInt(2)] += rs.getLong(3); },
        now);
    Map<String, long[]> assignees = new java.util.TreeMap<>();
    jdbc.query("""
        select assignee, %s band, count(*) from (
          select assignee, extract(epoch from (? - created_at)) / 86400 age
          from task_view where status = 'OPEN' and assignee is not null) t
        group by 1, 2""".formatted(AGE_BAND),
        rs -> { assignees.computeIfAbsent(rs.getString(1), k -> new long[AGE_BANDS.size()])[rs.getInt(2)] += rs.getLong(3); },
        now);
    List<AgeingRow> rows = new ArrayList<>();
    groups.forEach((group, counts) -> rows.add(new AgeingRow("GROUP", group, groupLabel(group), boxed(counts))));
    assignees.forEach((user, counts) -> rows.add(new AgeingRow("USER", user, users.displayName(user), boxed(counts))));
    return rows;
  }

  /** Open steps, oldest first, optionally of one process and step: ids, kinds and ages, never case data. */
  @Transactional(readOnly = true)
  List<OpenTask> openTasks(String processKey, String taskKey, int limit) {
    return oldest(limit, blankToNull(processKey), blankToNull(taskKey), slaTargets.resolver());
  }

  private List<OpenTask> oldest(int limit, String processKey, String taskKey, SlaTargets.Resolver targets) {
    LocalDate today = today();
    int todayOrdinal = ordinal(today);
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("t.status = 'OPEN'");
    if (processKey != null) {
      where.append(" and t.process_key = ?");
      args.add(processKey);
    }
    if (taskKey != null) {
      where.append(" and t.task_key = ?");
      args.add(taskKey);
    }
    args.add(limit);
    String sql = """
        select t.id, t.process_key, t.process_name, t.task_key, t.name, t.assignee, t.candidate_groups, t.created_at, s.ordinal
        from (select * from task_view t where %s order by t.created_at, t.id limit ?) t
        join kpi_business_day s on s.day = (t.created_at at time zone 'Asia/Tokyo')::date
        order by t.created_at, t.id""".formatted(where);
    return jdbc.query(sql, (rs, i) -> {
      Instant created = rs.getTimestamp(8).toInstant();
      String assignee = rs.getString(6);
      Array groups = rs.getArray(7);
      return new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          assignee, assignee == null ? null : users.displayName(assignee),
          groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), created,
          ChronoUnit.DAYS.between(created.atZone(JAPAN).toLocalDate(), today),
          todayOrdinal - rs.getInt(9), targets.target(Scope.TASK, rs.getString(4)).businessDays());
    }, args.toArray());
  }

  /** Supervisors' decisions (steps for the group supervisor whose form has a decision): rates and turnaround. */
  private List<ApprovalRow> approvals(Timestamp from, Timestamp to) {
    return jdbc.query("""
        select process_key, max(process_name), task_key, max(name), count(*),
               count(*) filter (where submission ->> 'decision' = 'APPROVE'),
               count(*) filter (where submission ->> 'decision' = 'REJECT'),
               avg(extract(epoch from ended_at - created_at)) / 3600,
               percentile_cont(0.9) within group (order by extract(epoch from ended_at - created_at)) / 3600
        from task_view
        where status = 'COMPLETED' and ended_at >= ? and ended_at < ? and 'supervisor' = any (candidate_groups)
          and submission ->> 'decision' is not null
        group by process_key, task_key order by 2, 4""", (rs, i) -> {
      long decided = rs.getLong(5);
      long approved = rs.getLong(6);
      long rejected = rs.getLong(7);
      return new ApprovalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), decided, approved,
          rejected, decided - approved - rejected, ratio(approved, decided), ratio(rejected, decided), dbl(rs, 8),
          dbl(rs, 9));
    }, from, to);
  }

  /**
   * Coverage (接種率): of the registered residents of each birth cohort (年度 of birth) and district, how many have
   * at least one recorded dose of the vaccine. Cohorts without any dose of it are left out.
   */
  @Transactional(readOnly = true)
  List<CoverageRow> coverage(String vaccine) {
    String only = blankToNull(vaccine);
    return jdbc.query("""
        with population as (
          select coalesce(district, '(不明)') district, extract(year from birth_date - interval '3 months')::int cohort,
                 count(*) n
          from resident where status = 'REGISTERED' group by 1, 2),
        vaccinated as (
          select d.vaccine, coalesce(r.district, '(不明)') district,
                 extract(year from r.birth_date - interval '3 months')::int cohort, count(distinct r.id) n
          from dose_record d join resident r on r.id = d.resident_id
          where r.status = 'REGISTERED' and (cast(? as varchar) is null or d.vaccine = ?)
          group by 1, 2, 3)
        select v.vaccine, v.cohort, v.district, p.n, v.n
        from vaccinated v join population p on p.district = v.district and p.cohort = v.cohort
        order by 1, 2 desc, 3""", (rs, i) -> new CoverageRow(rs.getString(1), rs.getInt(2), rs.getString(3),
        rs.getLong(4), rs.getLong(5), ratio(rs.getLong(5), rs.getLong(4))), only, only);
  }

  private int ordinal(LocalDate day) {
    Integer ordinal = jdbc.queryForObject("select ordinal from kpi_business_day where day = ?", Integer.class, day);
    return ordinal == null ? 0 : ordinal;
  }

  private static Sla sla(SlaTargets.Target target, Histogram done, Histogram open) {
    int days = target.businessDays();
    return new Sla(days, target.setByManager(),
        done == null ? 0 : done.atMost(days), done == null ? 0 : done.above(days),
        open == null ? 0 : open.above(days), open == null ? 0 : open.between(days - 1, days));
  }

  /** How many items took how many business days. */
  static final class Histogram {
    private final Map<Integer, Long> counts = new HashMap<>();

    void add(int days, long count) {
      counts.merge(days, count, Long::sum);
    }

    long atMost(int days) {
      return counts.entrySet().stream().filter(e -> e.getKey() <= days).mapToLong(Map.Entry::getValue).sum();
    }

    long above(int days) {
      return counts.entrySet().stream().filter(e -> e.getKey() > days).mapToLong(Map.Entry::getValue).sum();
    }

    long between(int low, int high) {
      return counts.entrySet().stream().filter(e -> e.getKey() >= low && e.getKey() <= high)
          .mapToLong(Map.Entry::getValue).sum();
    }
  }

  private static String name(Map<String, String[]> names, ResultSet rs) throws SQLException {
    String key = rs.getString(1) + "\u0000" + rs.getString(2);
    names.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(3), rs.getString(2), rs.getString(4)});
    return key;
  }

  static String groupLabel(String group) {
    return switch (group) {
      case "staff" -> "担当職員";
      case "supervisor" -> "上長";
      default -> group;
    };
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(JAPAN).toInstant());
  }

  private static Double dbl(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static List<Long> boxed(long[] counts) {
    return Arrays.stream(counts).boxed().toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
