package jp.lg.immunization.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.OfficeCalendar;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily roll-ups against direct computation: a seeded random history around fiscal year 2013 (平成25年度), with
 * steps crossing weekends, holidays, the year-end closure and the fiscal-year boundary, is rolled up through the middle
 * of the year, so that the dashboard adds stored and computed days. Its figures must equal computing every day
 * directly, and figures computed here in Java from the generated history.
 */
@IntegrationTest
class KpiRollupTest {

  private static final LocalDate ROLLED_THROUGH = LocalDate.of(2013, 10, 15);
  private static final Instant FISCAL_START = LocalDate.of(2013, 4, 1).atStartOfDay(KpiQueries.JAPAN).toInstant();
  private static final Instant FISCAL_END = LocalDate.of(2014, 4, 1).atStartOfDay(KpiQueries.JAPAN).toInstant();

  @Autowired KpiQueries queries;
  @Autowired KpiRollup rollup;
  @Autowired OfficeCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  private record Item(String key, Instant created, Instant claimed, Instant ended, String decision) {}

  private final List<Item> steps = new ArrayList<>();
  private final List<Item> processes = new ArrayList<>();
  private String processKey;
  private String checkKey;
  private String approveKey;

  @BeforeEach
  void history() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    processKey = "KpiRoll" + suffix;
    checkKey = "KpiRollCheck" + suffix;
    approveKey = "KpiRollApprove" + suffix;
    Random random = new Random(20261126);
    Instant first = LocalDate.of(2013, 3, 20).atStartOfDay(KpiQueries.JAPAN).toInstant();
    long span = LocalDate.of(2014, 4, 10).atStartOfDay(KpiQueries.JAPAN).toEpochSecond() - first.getEpochSecond();
    for (int i = 0; i < 600; i++) {
      Instant created = first.plusSeconds((long) (random.nextDouble() * span));
      // Log-uniform from one minute to 20 days, so that the buckets are exercised over their whole range.
      Instant ended = created.plusSeconds((long) Math.exp(Math.log(60) + random.nextDouble() * Math.log(20 * 24 * 60)));
      Instant claimed = random.nextInt(10) < 3 ? null
          : created.plusSeconds((long) (random.nextDouble() * (ended.getEpochSecond() - created.getEpochSecond())));
      boolean approval = i % 3 == 0;
      String decision = approval ? List.of("APPROVE", "APPROVE", "REJECT", "RETURN").get(random.nextInt(4)) : null;
      steps.add(new Item(approval ? approveKey : checkKey, created, claimed, ended, decision));
      if (i % 2 == 0) {
        processes.add(new Item(processKey, created, null, ended.plusSeconds(3600), null));
      }
    }
    // One step and one process across midnight of the fiscal-year boundary, one second each side.
    Instant boundary = FISCAL_END;
    steps.add(new Item(checkKey, boundary.minusSeconds(1), null, boundary, null));
    processes.add(new Item(processKey, boundary.minusSeconds(1), null, boundary, null));
    for (int i = 0; i < steps.size(); i++) {
      Item step = steps.get(i);
      jdbc.update("""
          insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key,
                                 name, candidate_groups, status, created_at, claimed_at, ended_at, completed_by, submission)
          values (?, ?, ?, ?, 'ロールアップ試験', ?, ?, ?, 'COMPLETED', ?, ?, ?, 'staff1', cast(? as jsonb))""",
          "S" + i + processKey, "PI" + i + processKey, processKey + ":1", processKey, step.key(),
          step.decision() == null ? "確認" : "承認", new String[] {step.decision() == null ? "staff" : "supervisor"},
          ts(step.created()), ts(step.claimed()), ts(step.ended()),
          step.decision() == null ? null : "{\"decision\":\"" + step.decision() + "\"}");
    }
    for (int i = 0; i < processes.size(); i++) {
      Item process = processes.get(i);
      jdbc.update("""
          insert into act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_, end_time_, duration_,
                                       state_)
          values (?, ?, ?, ?, ?, ?, ?, 'COMPLETED')""", "P" + i + processKey, "P" + i + processKey, processKey + ":1",
          processKey, ts(process.created()), ts(process.ended()),
          process.ended().toEpochMilli() - process.created().toEpochMilli());
    }
    rollup.rebuild(LocalDate.of(2013, 1, 1), ROLLED_THROUGH);
  }

  @AfterEach
  void removeHistory() {
    jdbc.update("delete from task_view where process_key = ?", processKey);
    jdbc.update("delete from act_hi_procinst where proc_def_key_ = ?", processKey);
    rollup.rebuild(LocalDate.of(2013, 1, 1), null);
  }

  @Test
  void aFiscalYearFromStoredAndComputedDaysEqualsComputingEveryDayDirectly() {
    assertThat(rollup.rolledThrough()).isEqualTo(ROLLED_THROUGH);
    for (String period : List.of("FISCAL_YEAR", "MONTH")) {
      for (String date : List.of("2013-06-01", "2013-10-01", "2013-10-16", "2014-03-31")) {
        Period of = Period.of(period, date, null, null, queries.today());
        KpiQueries.Dashboard rolled = queries.dashboard(of, false);
        KpiQueries.Dashboard direct = queries.dashboard(of, true);
        String at = period + " " + date;
        assertThat(mine(rolled.processes(), KpiQueries.ProcessRow::processKey)).as(at)
            .isEqualTo(mine(direct.processes(), KpiQueries.ProcessRow::processKey));
        assertThat(rounded(mine(rolled.tasks(), KpiQueries.TaskRow::processKey))).as(at)
            .isEqualTo(rounded(mine(direct.tasks(), KpiQueries.TaskRow::processKey)));
        assertThat(rounded(mine(rolled.approvals(), KpiQueries.ApprovalRow::processKey))).as(at)
            .isEqualTo(rounded(mine(direct.approvals(), KpiQueries.ApprovalRow::processKey)));
      }
    }
  }

  @Test
  void theFiscalYearsFiguresAreThoseOfTheGeneratedHistory() {
    KpiQueries.Dashboard dashboard = queries.dashboard(Period.of("FISCAL_YEAR", "2013-04-01", null, null,
        queries.today()), false);
    for (String taskKey : List.of(checkKey, approveKey)) {
      KpiQueries.TaskRow row = dashboard.tasks().stream().filter(task -> task.taskKey().equals(taskKey)).findFirst()
          .orElseThrow();
      List<Item> mine = steps.stream().filter(step -> step.key().equals(taskKey)).toList();
      assertFigures(row.stats(), row.sla(), mine);
      assertThat(row.sla().completedBreached()).as("steps of up to 20 days against 5 business days").isPositive();
      List<Item> claimed = done(mine).stream().filter(step -> step.claimed() != null).toList();
      assertThat(row.stats().avgWaitHours()).isCloseTo(
          claimed.stream().mapToDouble(step -> hours(step.created(), step.claimed())).average().orElseThrow(), within(1e-6));
      assertThat(row.stats().avgWorkHours()).isCloseTo(
          claimed.stream().mapToDouble(step -> hours(step.claimed(), step.ended())).average().orElseThrow(), within(1e-6));
    }
    KpiQueries.ProcessRow process = dashboard.processes().stream().filter(row -> row.processKey().equals(processKey))
        .findFirst().orElseThrow();
    assertFigures(process.stats(), process.sla(), processes);

    KpiQueries.ApprovalRow approvals = dashboard.approvals().stream().filter(row -> row.taskKey().equals(approveKey))
        .findFirst().orElseThrow();
    List<Item> decided = done(steps.stream().filter(step -> step.key().equals(approveKey)).toList());
    assertThat(approvals.decided()).isEqualTo(decided.size());
    assertThat(approvals.approved()).isEqualTo(decided.stream().filter(step -> step.decision().equals("APPROVE")).count());
    assertThat(approvals.rejected()).isEqualTo(decided.stream().filter(step -> step.decision().equals("REJECT")).count());
    assertThat(approvals.other()).isEqualTo(decided.stream().filter(step -> step.decision().equals("RETURN")).count());
    assertThat(approvals.p90TurnaroundHours()).isCloseTo(p90Hours(decided), Percentage.withPercentage(1));

    long monthsCompleted = dashboard.trend().stream().mapToLong(KpiQueries.TrendPoint::tasksCompleted).sum();
    assertThat(monthsCompleted).isGreaterThanOrEqualTo(done(steps).size());
  }

  private void assertFigures(KpiQueries.Stats stats, KpiQueries.Sla sla, List<Item> items) {
    List<Item> done = done(items);
    assertThat(stats.started()).isEqualTo(items.stream().filter(inFiscalYear(Item::created)).count());
    assertThat(stats.completed()).isEqualTo(done.size()).isPositive();
    assertThat(stats.open()).isZero();
    assertThat(stats.avgCycleHours()).isCloseTo(
        done.stream().mapToDouble(item -> hours(item.created(), item.ended())).average().orElseThrow(), within(1e-6));
    assertThat(stats.p90CycleHours()).isCloseTo(p90Hours(done), Percentage.withPercentage(1));
    long within = done.stream().filter(item -> businessDays(item) <= sla.targetDays()).count();
    assertThat(sla.completedWithin()).isEqualTo(within);
    assertThat(sla.completedBreached()).isEqualTo(done.size() - within);
  }

  private static List<Item> done(List<Item> items) {
    return items.stream().filter(inFiscalYear(Item::ended)).toList();
  }

  private static Predicate<Item> inFiscalYear(java.util.function.Function<Item, Instant> time) {
    return item -> !time.apply(item).isBefore(FISCAL_START) && time.apply(item).isBefore(FISCAL_END);
  }

  /** The nearest-rank 90th percentile, as PostgreSQL's percentile_disc. */
  private static double p90Hours(List<Item> items) {
    List<Double> sorted = items.stream().map(item -> hours(item.created(), item.ended())).sorted().toList();
    return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
  }

  private int businessDays(Item item) {
    return calendar.businessDaysBetween(item.created().atZone(KpiQueries.JAPAN).toLocalDate(),
        item.ended().atZone(KpiQueries.JAPAN).toLocalDate());
  }

  private static double hours(Instant from, Instant to) {
    return (to.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
  }

  private <T> List<T> mine(List<T> rows, java.util.function.Function<T, String> processKeyOf) {
    return rows.stream().filter(row -> processKey.equals(processKeyOf.apply(row))).toList();
  }

  /** Sums of seconds are added in another order from stored days: the last bits of the doubles may differ. */
  private static List<String> rounded(List<?> rows) {
    return rows.stream().map(row -> row.toString().replaceAll("(\\d+\\.\\d{6})\\d*", "$1")).toList();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
