package jp.lg.immunization.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure 9: the managers' KPI dashboard over years of history. One million completed information queries
 * (2021-04 to 2026-03, in ACT_HI_PROCINST) with two finished steps each (two million rows of task_view) are
 * inserted in bulk by SQL (starting them through the engine would take hours here) and rolled up into daily figures
 * by an administrator, as after an import; then the dashboard is read for a fiscal year and for a month, as a
 * manager, through the API. The fiscal year's count is checked against a direct count.
 */
final class KpiHistory {

  static final int INSTANCES = 1_000_000;
  private static final int WARM_UP = 2;
  private static final int SAMPLES = 10;

  private final JdbcTemplate jdbc;
  private final JdbcTemplate owner;

  KpiHistory(JdbcTemplate jdbc, JdbcTemplate owner) {
    this.jdbc = jdbc;
    this.owner = owner;
  }

  void measure(BenchmarkReport report, ApiClient manager, ApiClient admin) throws Exception {
    report.section(String.format(Locale.ROOT, "9. KPI dashboard over %,d completed process instances of history", INSTANCES));
    String definitionId = jdbc.queryForObject(
        "select id_ from act_re_procdef where key_ = 'InformationQuery' order by version_ desc limit 1", String.class);
    BenchmarkReport.progress("inserting " + INSTANCES + " completed instances of history");
    long start = System.nanoTime();
    // Spread evenly over five fiscal years (about 158 s apart); cycle times of 1 to 240 hours.
    jdbc.update("""
        insert into act_hi_procinst (id_, proc_inst_id_, proc_def_key_, proc_def_id_, start_time_, end_time_, duration_,
                                     state_)
        select 'kpib-' || g, 'kpib-' || g, 'InformationQuery', ?, s, s + d, (extract(epoch from d) * 1000)::bigint,
               'COMPLETED'
        from (select g, timestamp '2021-04-01 00:00' + g * interval '157.68 seconds' s,
                     ((g::bigint * 7919) % 240 + 1) * interval '1 hour' d
              from generate_series(1, ?) g) x""", definitionId, INSTANCES);
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               case_id, assignee, candidate_groups, status, created_at, claimed_at, ended_at,
                               completed_by, submission)
        select 'kpib-a-' || g, 'kpib-' || g, ?, 'InformationQuery', '情報照会', 'ApproveQuery', '照会内容の承認（上長）',
               null, 'super1', '{supervisor}'::varchar[], 'COMPLETED', s, s + (g % 5) * interval '1 hour', s + d / 2, 'super1',
               case when g % 10 = 0 then '{"decision":"REJECT"}'::jsonb else '{"decision":"APPROVE"}'::jsonb end
        from (select g, (timestamp '2021-04-01 00:00' + g * interval '157.68 seconds')::timestamptz s,
                     ((g::bigint * 7919) % 240 + 1) * interval '1 hour' d
              from generate_series(1, ?) g) x
        union all
        select 'kpib-c-' || g, 'kpib-' || g, ?, 'InformationQuery', '情報照会', 'CheckQueryResult', '照会結果の確認（1次）',
               null, 'staff1', '{staff}'::varchar[], 'COMPLETED', s + d / 2, s + d / 2 + interval '30 minutes', s + d, 'staff1',
               '{"decision":"CONFIRM"}'::jsonb
        from (select g, (timestamp '2021-04-01 00:00' + g * interval '157.68 seconds')::timestamptz s,
                     ((g::bigint * 7919) % 240 + 1) * interval '1 hour' d
              from generate_series(1, ?) g) x""", definitionId, INSTANCES, definitionId, INSTANCES);
    owner.execute("analyze act_hi_procinst");
    owner.execute("analyze task_view");
    Duration load = Duration.ofNanos(System.nanoTime() - start);
    report.rate("History inserted (instances, with 2 steps each)", INSTANCES, load, "instances/s");

    BenchmarkReport.progress("rolling up the history into daily figures");
    start = System.nanoTime();
    JsonNode rebuilt = admin.post("/api/admin/kpi-rollup", java.util.Map.of("from", "2021-04-01"), 200);
    report.rate("Roll-up of the whole history (POST /api/admin/kpi-rollup, "
        + String.format(Locale.ROOT, "%,d", rebuilt.path("rows").asLong()) + " daily rows)", INSTANCES,
        Duration.ofNanos(System.nanoTime() - start), "instances/s");

    BenchmarkReport.progress("reading the KPI dashboard");
    String fiscalYear = "/api/kpi/dashboard?period=FISCAL_YEAR&date=2025-06-01";
    JsonNode dashboard = manager.get(fiscalYear);
    long shown = 0;
    for (JsonNode process : dashboard.path("processes")) {
      if ("InformationQuery".equals(process.path("processKey").asText())) {
        shown = process.at("/stats/completed").asLong();
      }
    }
    Long direct = jdbc.queryForObject("""
        select count(*) from act_hi_procinst where proc_def_key_ = 'InformationQuery' and state_ = 'COMPLETED'
          and end_time_ >= ? and end_time_ < ?""", Long.class,
        java.sql.Timestamp.from(java.time.LocalDate.of(2025, 4, 1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant()),
        java.sql.Timestamp.from(java.time.LocalDate.of(2026, 4, 1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant()));
    assertThat(shown).isEqualTo(direct);
    report.figure("Completed instances in 令和7年度 (dashboard = direct count)", String.format(Locale.ROOT, "%,d", shown), "");
    Latencies year = report.latency("GET /api/kpi/dashboard, fiscal year (about 200,000 instances)",
        Latencies.measure(WARM_UP, SAMPLES, i -> manager.get(fiscalYear)), false);
    Latencies month = report.latency("GET /api/kpi/dashboard, one month",
        Latencies.measure(WARM_UP, SAMPLES, i -> manager.get("/api/kpi/dashboard?period=MONTH&date=2025-11-01")), false);
    report.latencyGoal("9. KPI dashboard, fiscal year, 1,000,000 finished instances", 95, 250, year,
        "one month " + BenchmarkReport.p95(month));
  }
}
