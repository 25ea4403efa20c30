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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.lg.immunization.kpi.SlaTargets.Scope;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.ProcessFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI computations, each one SQL aggregate over an index range: steps and whole processes from the workflow's
 * published relations, business days from the calendar table. Answers hold counts and durations only.
 */
@Service
class KpiQueries {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  /** Age bands of open steps, in calendar days since they were created. */
  static final List<String> AGE_BANDS = List.of("1日未満", "1〜2日", "3〜6日", "7〜13日", "14〜29日", "30日以上");
  /** The ages in days where one band ends and the next begins. */
  private static final List<Integer> AGE_EDGES = List.of(1, 3, 7, 14, 30);
  private static final String AGE_BAND = IntStream.range(0, AGE_EDGES.size())
      .mapToObj(band -> "when age < " + AGE_EDGES.get(band) + " then " + band)
      .collect(Collectors.joining(" ", "case ", " else " + AGE_EDGES.size() + " end"));

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

  private final JdbcTemplate jdbc;
  private final ProcessTypes processTypes;
  private final SlaTargets slaTargets;
  private final UserDirectory users;
  private final Clock clock;
  private final KpiRollup rollup;

  KpiQueries(JdbcTemplate jdbc, ProcessTypes processTypes, SlaTargets slaTargets, UserDirectory users, Clock clock,
             KpiRollup rollup) {
    this.jdbc = jdbc;
    this.rollup = rollup;
    this.processTypes = processTypes;
    this.slaTargets = slaTargets;
    this.users = users;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(JAPAN));
  }

  @Transactional(readOnly = true)
  Dashboard dashboard(Period period) {
    return dashboard(period, false);
  }

  /**
   * The dashboard of a period: finished days from the daily roll-ups, the days after them and everything open
   * computed directly; {@code direct} computes every day directly (what the roll-ups are tested against).
   */
  @Transactional(readOnly = true)
  Dashboard dashboard(Period period, boolean direct) {
    SlaTargets.Resolver targets = slaTargets.resolver();
    int todayOrdinal = ordinal(today());
    Map<String, Tally> tallies = new LinkedHashMap<>();
    processTypes.latest().values().forEach(type -> {
      tallies.put(key(type.key(), ""), new Tally(type.key(), type.name(), "", null));
      type.tasks().forEach(task -> tallies.put(key(type.key(), task.key()),
          new Tally(type.key(), type.name(), task.key(), task.name())));
    });
    int deployedRows = tallies.size();

    Map<LocalDate, long[]> trend = trendBuckets(period);
    // Read once, so that started and completed rows split at the same day even if the job commits meanwhile.
    LocalDate rolled = direct ? null : rollup.rolledThrough();
    KpiRollup.Cells started = rollup.started(period.first(), period.last(), rolled);
    jdbc.query(started.sql() + " select day, process_key, task_key, process_name, task_name, started from cells",
        rs -> {
          long count = rs.getLong(6);
          Tally tally = tally(tallies, rs, 2);
          tally.started += count;
          if (tally.taskKey.isEmpty()) {
            trend.get(bucket(period, rs.getObject(1, LocalDate.class)))[0] += count;
          }
        }, started.args());
    KpiRollup.Cells completed = rollup.completed(period.first(), period.last(), rolled);
    jdbc.query(completed.sql() + """
         select day, process_key, task_key, process_name, task_name, decision, completed, cycle_seconds, claimed,
                wait_seconds, work_seconds, duration_buckets, duration_counts, business_days, business_day_counts
         from cells""",
        rs -> {
          Tally tally = tally(tallies, rs, 2);
          long count = rs.getLong(7);
          tally.addCompleted(rs.getString(6), count, rs.getDouble(8), rs.getLong(9), rs.getDouble(10), rs.getDouble(11),
              numbers(rs, 12), numbers(rs, 13), numbers(rs, 14), numbers(rs, 15));
          trend.get(bucket(period, rs.getObject(1, LocalDate.class)))[tally.taskKey.isEmpty() ? 1 : 2] += count;
        }, completed.args());

    // Open processes from the engine's history (its timestamps are the JVM's local time), open steps from the counts
    // the workflow keeps per step and day of creation: always read, they change every minute.
    String jvmZone = TimeZone.getDefault().getID();
    // Counted per day first, so that the calendar is joined to a few hundred days, not to every open item; each day
    // looked up by its key (OFFSET 0 keeps the planner from flattening the lookup into a hash join, which read all
    // 36,525 days of the calendar on every dashboard: 40-90 ms on the benchmark's loaded machine, for a few rows).
    jdbc.query("""
        select p.process_key, '', null, null, ? - s.ordinal, sum(p.n)
        from (select process_key, ((started_at at time zone ?) at time zone 'Asia/Tokyo')::date as day, count(*) as n
              from %s i where ended_at is null group by 1, 2) p
        join lateral (%s) s on true group by 1, 5""".formatted(ProcessFacts.instances(), dayLookup("p.day")),
        rs -> { tally(tallies, rs, 1).addOpen(rs.getInt(5), rs.getLong(6)); }, todayOrdinal, jvmZone);
    jdbc.query("""
        select t.process_key, t.task_key, max(t.process_name), max(t.task_name), ? - s.ordinal, sum(t.steps)
        from %s t join lateral (%s) s on true group by 1, 2, 5""".formatted(ProcessFacts.openStepDays(),
            dayLookup("t.created_day")),
        rs -> { tally(tallies, rs, 1).addOpen(rs.getInt(5), rs.getLong(6)); }, todayOrdinal);

    // A process no longer deployed is named as its steps' rows name it.
    Map<String, String> processNames = new HashMap<>();
    tallies.values().stream().filter(tally -> !tally.processName.equals(tally.processKey))
        .forEach(tally -> processNames.putIfAbsent(tally.processKey, tally.processName));
    List<ProcessRow> processes = new ArrayList<>();
    List<TaskRow> tasks = new ArrayList<>();
    List<ApprovalRow> approvals = new ArrayList<>();
    for (Tally tally : inDisplayOrder(tallies, deployedRows)) {
      tally.processName = processNames.getOrDefault(tally.processKey, tally.processKey);
      if (tally.taskKey.isEmpty()) {
        Stats stats = tally.stats();
        processes.add(new ProcessRow(tally.processKey, tally.processName,
            new Stats(stats.started(), stats.completed(), stats.open(), stats.avgCycleHours(), stats.p90CycleHours(),
                null, null),
            tally.sla(targets.target(Scope.PROCESS, tally.processKey))));
      } else {
        tasks.add(new TaskRow(tally.processKey, tally.processName, tally.taskKey, tally.taskName, tally.stats(),
            tally.sla(targets.target(Scope.TASK, tally.taskKey))));
        if (tally.decided > 0) {
          approvals.add(tally.approval());
        }
      }
    }
    approvals.sort(Comparator.comparing(ApprovalRow::processName).thenComparing(ApprovalRow::taskName));
    List<TrendPoint> trendPoints = new ArrayList<>();
    trend.forEach((day, counts) -> trendPoints.add(new TrendPoint(day, counts[0], counts[1], counts[2])));
    return new Dashboard(period, AGE_BANDS, processes, tasks, trendPoints, ageing(),
        oldest(10, null, null, targets), approvals);
  }

  /** The calendar's row of one day, by its key, for a lateral join per row of a small aggregate. */
  private static String dayLookup(String day) {
    return "select ordinal from kpi_business_day where day = " + day + " offset 0";
  }

  /** The trend's buckets of the period, by day or by month: processes started and completed, steps completed. */
  private static Map<LocalDate, long[]> trendBuckets(Period period) {
    Map<LocalDate, long[]> points = new LinkedHashMap<>();
    for (LocalDate day = bucket(period, period.first()); !day.isAfter(period.last());
         day = period.bucket().equals("day") ? day.plusDays(1) : day.plusMonths(1)) {
      points.put(day, new long[3]);
    }
    return points;
  }

  private static LocalDate bucket(Period period, LocalDate day) {
    return period.bucket().equals("day") ? day : day.withDayOfMonth(1);
  }

  private static int[] numbers(ResultSet rs, int column) throws SQLException {
    Object[] values = (Object[]) rs.getArray(column).getArray();
    int[] numbers = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      numbers[i] = ((Number) values[i]).intValue();
    }
    return numbers;
  }

  /**
   * Open steps by age band: unclaimed ones per candidate group, claimed ones per user. The bands' edges move with the
   * clock, so the counts kept per day of creation give every day that no edge crosses, and only the days an edge
   * crosses (one per edge) are counted from their steps.
   */
  private List<AgeingRow> ageing() {
    Instant now = Instant.now(clock);
    List<LocalDate> edgeDays = AGE_EDGES.stream()
        .map(days -> now.minus(days, ChronoUnit.DAYS).atZone(JAPAN).toLocalDate()).distinct().toList();
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(now),
        edgeDays.stream().map(LocalDate::toString).toArray(String[]::new), Timestamp.from(now)));
    List<String> edgeRanges = new ArrayList<>();
    for (LocalDate day : edgeDays) {
      edgeRanges.add("o.created_at >= ? and o.created_at < ?");
      args.add(Timestamp.from(day.atStartOfDay(JAPAN).toInstant()));
      args.add(Timestamp.from(day.plusDays(1).atStartOfDay(JAPAN).toInstant()));
    }
    Map<String, long[]> groups = new java.util.TreeMap<>();
    Map<String, long[]> assignees = new java.util.TreeMap<>();
    // A day no edge crosses is in one band from its first instant to its last: aged by its first.
    jdbc.query("""
        select candidate_groups, assignee, %1$s band, sum(steps) from (
          select candidate_groups, assignee, steps,
                 extract(epoch from (? - (created_day::timestamp at time zone 'Asia/Tokyo'))) / 86400 age
          from %2$s kept where created_day <> all (?::date[])
          union all
          select candidate_groups, assignee, 1, extract(epoch from (? - created_at)) / 86400
          from %3$s o where status = 'OPEN' and (%4$s)) t
        group by 1, 2, 3""".formatted(AGE_BAND, ProcessFacts.openStepDays(), ProcessFacts.steps(),
            String.join(" or ", edgeRanges)),
        rs -> {
          String assignee = rs.getString(2);
          int band = rs.getInt(3);
          long count = rs.getLong(4);
          if (assignee != null) {
            assignees.computeIfAbsent(assignee, k -> new long[AGE_BANDS.size()])[band] += count;
          } else {
            for (String group : (String[]) rs.getArray(1).getArray()) {
              groups.computeIfAbsent(group, k -> new long[AGE_BANDS.size()])[band] += count;
            }
          }
        }, args.toArray());
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
        select t.id, t.process_key, t.process_name, t.task_key, t.task_name, t.assignee, t.candidate_groups,
               t.created_at, s.ordinal
        from (select * from %s t where %s order by t.created_at, t.id limit ?) t
        join kpi_business_day s on s.day = (t.created_at at time zone 'Asia/Tokyo')::date
        order by t.created_at, t.id""".formatted(ProcessFacts.steps(), where);
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

  private int ordinal(LocalDate day) {
    Integer ordinal = jdbc.queryForObject("select ordinal from kpi_business_day where day = ?", Integer.class, day);
    return ordinal == null ? 0 : ordinal;
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

  /** What the dashboard adds up for one process (taskKey '') or one step. */
  private static final class Tally {
    final String processKey;
    String processName;
    final String taskKey;
    final String taskName;
    long started;
    long completed;
    double cycleSeconds;
    long claimed;
    double waitSeconds;
    double workSeconds;
    long open;
    final DurationSketch cycle = new DurationSketch();
    final Histogram doneDays = new Histogram();
    final Histogram openDays = new Histogram();
    long decided;
    long approved;
    long rejected;
    double decidedSeconds;
    final DurationSketch turnaround = new DurationSketch();

    Tally(String processKey, String processName, String taskKey, String taskName) {
      this.processKey = processKey;
      this.processName = processName;
      this.taskKey = taskKey;
      this.taskName = taskName;
    }

    void addCompleted(String decision, long count, double seconds, long claimedCount, double waited, double worked,
                      int[] buckets, int[] bucketCounts, int[] businessDays, int[] businessDayCounts) {
      completed += count;
      cycleSeconds += seconds;
      claimed += claimedCount;
      waitSeconds += waited;
      workSeconds += worked;
      for (int i = 0; i < buckets.length; i++) {
        cycle.add(buckets[i], bucketCounts[i]);
      }
      for (int i = 0; i < businessDays.length; i++) {
        doneDays.add(businessDays[i], businessDayCounts[i]);
      }
      if (!decision.isEmpty()) {
        decided += count;
        approved += decision.equals("APPROVE") ? count : 0;
        rejected += decision.equals("REJECT") ? count : 0;
        decidedSeconds += seconds;
        for (int i = 0; i < buckets.length; i++) {
          turnaround.add(buckets[i], bucketCounts[i]);
        }
      }
    }

    void addOpen(int businessDays, long count) {
      open += count;
      openDays.add(businessDays, count);
    }

    Stats stats() {
      return new Stats(started, completed, open, hours(cycleSeconds, completed), hours(cycle.percentileSeconds(0.9)),
          hours(waitSeconds, claimed), hours(workSeconds, claimed));
    }

    Sla sla(SlaTargets.Target target) {
      int days = target.businessDays();
      return new Sla(days, target.setByManager(), doneDays.atMost(days), doneDays.above(days), openDays.above(days),
          openDays.between(days - 1, days));
    }

    ApprovalRow approval() {
      return new ApprovalRow(processKey, processName, taskKey, taskName, decided, approved, rejected,
          decided - approved - rejected, ratio(approved, decided), ratio(rejected, decided),
          hours(decidedSeconds, decided), hours(turnaround.percentileSeconds(0.9)));
    }

    private static Double hours(double seconds, long count) {
      return count == 0 ? null : seconds / count / 3600;
    }

    private static Double hours(Double seconds) {
      return seconds == null ? null : seconds / 3600;
    }
  }

  /**
   * Deployed processes and steps in their catalogue order, then those only history knows (older versions, removed
   * processes) by key: SQL hands these out in no fixed order, and the dashboard must not reorder itself.
   */
  private static List<Tally> inDisplayOrder(Map<String, Tally> tallies, int deployedRows) {
    List<Tally> ordered = new ArrayList<>(tallies.values());
    ordered.subList(deployedRows, ordered.size())
        .sort(Comparator.comparing((Tally tally) -> tally.processKey).thenComparing(tally -> tally.taskKey));
    return ordered;
  }

  private static String key(String processKey, String taskKey) {
    return processKey + "\u0000" + taskKey;
  }

  /** The tally of the row's process key, step key and their names, in four columns from {@code column} on. */
  private static Tally tally(Map<String, Tally> tallies, ResultSet rs, int column) throws SQLException {
    String processKey = rs.getString(column);
    String taskKey = rs.getString(column + 1);
    String processName = rs.getString(column + 2);
    String taskName = rs.getString(column + 3);
    return tallies.computeIfAbsent(key(processKey, taskKey), k -> new Tally(processKey,
        processName == null ? processKey : processName, taskKey, taskName == null ? taskKey : taskName));
  }

  static String groupLabel(String group) {
    return switch (group) {
      case "staff" -> "担当職員";
      case "supervisor" -> "上長";
      default -> group;
    };
  }

  static Timestamp start(LocalDate day) {
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
