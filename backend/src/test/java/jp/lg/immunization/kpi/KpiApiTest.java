package jp.lg.immunization.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.BusinessMetric;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * KPIs on a constructed history with known answers, in 年度 2010 (2010-04-01 to 2011-03-31), far from what other
 * tests create, under process and step keys of their own (a process no code knows appears all the same):
 * <ul>
 *   <li>T1 created 2010-03-31 10:00, claimed 16:00, ended 2010-04-01 10:00: completed in the year, not started in it</li>
 *   <li>T2 created 2011-03-31 09:00, ended 2011-04-01 09:00: started in the year, completed in the next</li>
 *   <li>T3 created 2010-12-28 09:00, claimed 10:00, ended 2011-01-04 09:00: 168 h, 1 business day (closure 12/29-1/3)</li>
 *   <li>T4 created 2010-09-17 (Fri) 09:00, ended 2010-09-24 09:00: 168 h, 3 business days (9/20 敬老の日, 9/23 秋分の日)</li>
 *   <li>T5 open for 40 days, unclaimed, group of its own; T6 open for a minute, claimed by staff1</li>
 *   <li>approvals A1-A3 (supervisor): APPROVE 2 h, REJECT 4 h, APPROVE 6 h</li>
 *   <li>process P1 2010-05-06 to 2010-05-10 (96 h, 2 business days after Golden Week), P2 started 2011-03-31 and ended
 *       2011-04-01</li>
 * </ul>
 */
@IntegrationTest
class KpiApiTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("tasksPastSlaMetric") BusinessMetric tasksPastSla;
  @Autowired ProcessDriver driver;
  @Autowired ProcessTypes processTypes;

  private String processKey;
  private String taskKey;
  private String approvalKey;
  private String group;

  @BeforeEach
  void history() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    processKey = "KpiTest" + suffix;
    taskKey = "KpiCheck" + suffix;
    approvalKey = "KpiApprove" + suffix;
    group = "kpigroup" + suffix;
    task("T1", taskKey, "2010-03-31T10:00", "2010-03-31T16:00", "2010-04-01T10:00", null, null);
    task("T2", taskKey, "2011-03-31T09:00", null, "2011-04-01T09:00", null, null);
    task("T3", taskKey, "2010-12-28T09:00", "2010-12-28T10:00", "2011-01-04T09:00", null, null);
    task("T4", taskKey, "2010-09-17T09:00", null, "2010-09-24T09:00", null, null);
    Instant now = Instant.now();
    openTask("T5", now.minus(40, ChronoUnit.DAYS), null);
    openTask("T6", now.minus(1, ChronoUnit.MINUTES), "staff1");
    task("A1", approvalKey, "2010-06-01T09:00", null, "2010-06-01T11:00", "supervisor", "APPROVE");
    task("A2", approvalKey, "2010-06-01T09:00", null, "2010-06-01T13:00", "supervisor", "REJECT");
    task("A3", approvalKey, "2010-06-01T09:00", null, "2010-06-01T15:00", "supervisor", "APPROVE");
    processInstance("P1", "2010-05-06T09:00", "2010-05-10T09:00");
    processInstance("P2", "2011-03-31T09:00", "2011-04-01T09:00");
    rebuildRollUpsSince2010();
  }

  /** Other tests count tasks in the shared database: the constructed history goes again. */
  @AfterEach
  void removeHistory() {
    jdbc.update("delete from task_view where process_key = ?", processKey);
    jdbc.update("delete from act_hi_procinst where proc_def_key_ = ?", processKey);
    jdbc.update("delete from kpi_sla_target where target_key in (?, ?)", processKey, taskKey);
    rebuildRollUpsSince2010();
  }

  /** The history above is years old: the days it falls on are rolled up again, as after an import. */
  private void rebuildRollUpsSince2010() {
    try {
      mvc.perform(post("/api/admin/kpi-rollup").with(users.as("admin1")).with(csrf())
              .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2010-03-01\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.from").value("2010-03-01"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void throughputCycleWaitingAndWorkingTimesPerStepOverAFiscalYear() throws Exception {
    JsonNode dashboard = dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01");
    assertThat(dashboard.at("/period/first").asText()).isEqualTo("2010-04-01");
    assertThat(dashboard.at("/period/last").asText()).isEqualTo("2011-03-31");
    assertThat(dashboard.at("/period/label").asText()).isEqualTo("平成22年度");
    JsonNode check = row(dashboard.path("tasks"), "taskKey", taskKey);
    assertThat(check.at("/stats/started").asLong()).isEqualTo(3); // T2, T3, T4
    assertThat(check.at("/stats/completed").asLong()).isEqualTo(3); // T1, T3, T4
    assertThat(check.at("/stats/open").asLong()).isEqualTo(2); // T5, T6
    assertThat(check.at("/stats/avgCycleHours").asDouble()).isEqualTo(120.0); // (24 + 168 + 168) / 3
    // The 90th percentile comes from logarithmic duration buckets: within 1% of the exact 168 hours.
    assertThat(check.at("/stats/p90CycleHours").asDouble()).isCloseTo(168.0, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(check.at("/stats/avgWaitHours").asDouble()).isEqualTo(3.5); // (6 + 1) / 2
    assertThat(check.at("/stats/avgWorkHours").asDouble()).isEqualTo(92.5); // (18 + 167) / 2
    assertThat(check.at("/processName").asText()).isEqualTo("KPIテスト業務");

    JsonNode process = row(dashboard.path("processes"), "processKey", processKey);
    assertThat(process.at("/stats/started").asLong()).isEqualTo(2);
    assertThat(process.at("/stats/completed").asLong()).isEqualTo(1);
    assertThat(process.at("/stats/avgCycleHours").asDouble()).isEqualTo(96.0);
    // Every deployed process is listed, with or without activity.
    assertThat(dashboard.path("processes").findValuesAsText("processKey")).contains("InformationQuery", "NonResidentConfirmation");

    // The trend of the fiscal year runs by month: April has T1, January T3, September T4 completed.
    JsonNode trend = dashboard.path("trend");
    assertThat(trend).hasSize(12);
    assertThat(trend.get(0).path("bucket").asText()).isEqualTo("2010-04-01");
  }

  @Test
  void slaBreachesAreCountedInBusinessDaysWithHolidaysAndTheYearEndClosure() throws Exception {
    JsonNode before = row(dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01").path("tasks"), "taskKey", taskKey);
    assertThat(before.at("/sla/targetDays").asInt()).isEqualTo(5); // the configured default
    assertThat(before.at("/sla/completedBreached").asLong()).isZero();
    assertThat(before.at("/sla/openBreached").asLong()).isEqualTo(1); // T5: 40 days
    assertThat(before.at("/sla/openAtRisk").asLong()).isZero();

    setSla("TASK", taskKey, 2);
    JsonNode two = row(dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01").path("tasks"), "taskKey", taskKey);
    assertThat(two.at("/sla/targetDays").asInt()).isEqualTo(2);
    assertThat(two.at("/sla/setByManager").asBoolean()).isTrue();
    // T1 1 day, T3 1 day (168 h, but the year-end closure), T4 3 days (two holidays in the week): only T4 breaches.
    assertThat(two.at("/sla/completedWithin").asLong()).isEqualTo(2);
    assertThat(two.at("/sla/completedBreached").asLong()).isEqualTo(1);

    setSla("TASK", taskKey, 1);
    JsonNode one = row(dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01").path("tasks"), "taskKey", taskKey);
    assertThat(one.at("/sla/completedBreached").asLong()).isEqualTo(1);
    assertThat(one.at("/sla/openAtRisk").asLong()).isEqualTo(1); // T6: 0 business days of 1

    setSla("PROCESS", processKey, 1);
    JsonNode process = row(dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01").path("processes"),
        "processKey", processKey);
    assertThat(process.at("/sla/completedBreached").asLong()).isEqualTo(1); // P1: 2 business days after Golden Week
    setSla("PROCESS", processKey, 2);
    process = row(dashboard("manager1", "?period=FISCAL_YEAR&date=2010-06-01").path("processes"), "processKey", processKey);
    assertThat(process.at("/sla/completedWithin").asLong()).isEqualTo(1);

    mvc.perform(put("/api/kpi/sla").with(users.as("manager1")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"scope\":\"TASK\",\"key\":\"" + taskKey + "\",\"businessDays\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("目標日数は1から365までの営業日数で入力してください。"));
  }

  @Test
  void approvalRatesAndSupervisorTurnaround() throws Exception {
    JsonNode approval = row(dashboard("admin1", "?period=FISCAL_YEAR&date=2010-06-01").path("approvals"), "taskKey", approvalKey);
    assertThat(approval.path("decided").asLong()).isEqualTo(3);
    assertThat(approval.path("approved").asLong()).isEqualTo(2);
    assertThat(approval.path("rejected").asLong()).isEqualTo(1);
    assertThat(approval.path("approvalRate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(approval.path("avgTurnaroundHours").asDouble()).isEqualTo(4.0);
    assertThat(approval.path("p90TurnaroundHours").asDouble()).isCloseTo(6.0, org.assertj.core.data.Percentage.withPercentage(1));
  }

  /**
   * The age bands' edges move with the clock: steps just either side of each edge land in their own band, whether
   * their day of creation is one an edge crosses (counted from the steps) or not (from the counts kept per day).
   */
  @Test
  void openStepsAgeIntoTheirBandsJustEitherSideOfEachEdge() throws Exception {
    Instant now = Instant.now();
    double[] ageInDays = {0.96, 1.04, 2.5, 3.5, 6.9, 7.1, 13.9, 14.1, 29.9, 30.1, 45}; // and T5, 40 days
    for (int i = 0; i < ageInDays.length; i++) {
      openTask("Aged" + i, now.minusSeconds((long) (ageInDays[i] * 86400)), null);
    }
    JsonNode ageing = row(dashboard("manager1", "?period=MONTH").path("ageing"), "key", group);
    assertThat(ageing.path("counts").toString()).isEqualTo("[1,2,2,2,2,3]");
  }

  @Test
  void theSlaMetricCountsOpenStepsPastTheirTarget() {
    Tags step = Tags.of("process", processKey, "step", taskKey);
    assertThat(tasksPastSla.read().get(step).longValue()).as("T5, open for 40 days").isEqualTo(1);
    openTask("T7", Instant.now().minus(20, ChronoUnit.DAYS), "staff1");
    openTask("T8", Instant.now().minus(1, ChronoUnit.HOURS), null);
    assertThat(tasksPastSla.read().get(step).longValue()).isEqualTo(2);
  }

  /** SLA targets of steps are keyed by the step's id, so no two processes may use the same id for a user task. */
  @Test
  void everyStepIdIsUniqueAcrossProcesses() {
    List<String> stepIds = processTypes.latest().values().stream()
        .flatMap(type -> type.tasks().stream().map(ProcessTypes.TaskType::key)).toList();
    assertThat(stepIds).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void aManagersSlaChangeIsAudited() throws Exception {
    setSla("TASK", taskKey, 3);
    assertThat(jdbc.queryForObject("""
        select detail from audit_event where operation = 'KPI_SLA_TARGET_SET' and username = 'manager1'
        order by id desc limit 1""", String.class)).isEqualTo("TASK " + taskKey + ": 3営業日");
  }

  @Test
  void backlogAgeingAndTheReadOnlyQueueHoldNoCaseData() throws Exception {
    JsonNode dashboard = dashboard("manager1", "?period=MONTH");
    JsonNode ageing = row(dashboard.path("ageing"), "key", group);
    assertThat(ageing.path("kind").asText()).isEqualTo("GROUP");
    assertThat(ageing.path("counts").toString()).isEqualTo("[0,0,0,0,0,1]");
    JsonNode staff1 = row(dashboard.path("ageing"), "key", "staff1");
    assertThat(staff1.path("label").asText()).startsWith("佐藤 花子");
    assertThat(staff1.path("counts").get(0).asLong()).isPositive();

    String body = mvc.perform(get("/api/kpi/open-tasks?processKey=" + processKey).with(users.as("manager1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode open = json.readTree(body);
    assertThat(open).hasSize(2);
    assertThat(open.get(0).path("id").asText()).isEqualTo("T5" + processKey);
    assertThat(open.get(0).path("ageDays").asLong()).isEqualTo(40);
    assertThat(open.get(1).path("assigneeName").asText()).startsWith("佐藤 花子");
    assertThat(body).doesNotContain("caseId", "case_id", "residentId", "submission", "CASE-" + processKey);
  }

  @Test
  void onlyManagersAndAdministratorsSeeKpis() throws Exception {
    for (String user : List.of("staff1", "super1", "auditor1")) {
      mvc.perform(get("/api/kpi/dashboard").with(users.as(user))).andExpect(status().isForbidden());
      mvc.perform(get("/api/kpi/open-tasks").with(users.as(user))).andExpect(status().isForbidden());
      mvc.perform(get("/api/kpi/coverage").with(users.as(user))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/kpi/dashboard")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/kpi/dashboard").with(users.as("manager1"))).andExpect(status().isOk());
    mvc.perform(get("/api/kpi/dashboard").with(users.as("admin1"))).andExpect(status().isOk());
    mvc.perform(get("/api/kpi/coverage").with(users.as("manager1"))).andExpect(status().isOk());
    mvc.perform(post("/api/admin/kpi-rollup").with(users.as("manager1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-04-01\"}")).andExpect(status().isForbidden());
  }

  @Test
  void badInputGetsAJapaneseMessage() throws Exception {
    mvc.perform(get("/api/kpi/dashboard?period=QUARTER").with(users.as("manager1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("期間の種類「QUARTER」は使えません")));
    mvc.perform(get("/api/kpi/dashboard?period=CUSTOM&from=2026-02-30&to=2026-03-01").with(users.as("manager1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("読めません")));
    mvc.perform(post("/api/admin/kpi-rollup").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"1999-12-31\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("開始日は2000年1月1日から今日までで入力してください。"));
  }

  @Test
  void tablesDownloadAsCsvInUtf8WithBomOrShiftJis() throws Exception {
    String table = "{\"fileName\":\"工程別\",\"encoding\":\"%s\",\"rows\":[[\"業務\",\"完了\"],[\"情報照会\",\"3\"]]}";
    byte[] utf8 = mvc.perform(post("/api/kpi/csv").with(users.as("manager1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(table.formatted("UTF8_BOM")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(Arrays.copyOf(utf8, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(utf8, 3, utf8.length - 3, StandardCharsets.UTF_8)).isEqualTo("\"業務\",\"完了\"\r\n\"情報照会\",\"3\"\r\n");
    byte[] sjis = mvc.perform(post("/api/kpi/csv").with(users.as("manager1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(table.formatted("SHIFT_JIS")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(sjis, Charset.forName("windows-31j"))).startsWith("\"業務\",\"完了\"");
  }

  @Test
  void aClaimRecordsItsTimeAndAReleaseClearsIt() throws Exception {
    String addresseeNumber = jdbc.queryForObject("select addressee_number from resident order by id limit 1 offset 9", String.class);
    ProcessInstance instance = driver.start("staff1", "InformationQuery", Map.of("addresseeNumber", addresseeNumber,
        "informationItem", "LOCAL_TAX", "legalBasis", "ACT19_8_TABLE14", "purpose", "KPIテスト"));
    String taskId = driver.claim("super1", instance, "ApproveQuery");
    Timestamp claimed = jdbc.queryForObject("select claimed_at from task_view where id = ?", Timestamp.class, taskId);
    assertThat(claimed).isNotNull();
    assertThat(claimed.toInstant()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    mvc.perform(post("/api/tasks/" + taskId + "/unclaim").with(users.as("super1")).with(csrf())).andExpect(status().isOk());
    assertThat(jdbc.queryForObject("select claimed_at from task_view where id = ?", Timestamp.class, taskId)).isNull();
  }

  private void setSla(String scope, String key, int days) throws Exception {
    mvc.perform(put("/api/kpi/sla").with(users.as("manager1")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"scope\":\"%s\",\"key\":\"%s\",\"businessDays\":%d}".formatted(scope, key, days)))
        .andExpect(status().isOk());
  }

  private JsonNode dashboard(String user, String query) throws Exception {
    String body = mvc.perform(get("/api/kpi/dashboard" + query).with(users.as(user)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }

  private static JsonNode row(JsonNode rows, String field, String value) {
    for (JsonNode row : rows) {
      if (value.equals(row.path(field).asText())) {
        return row;
      }
    }
    throw new AssertionError("no row with " + field + "=" + value + " in " + rows);
  }

  private void task(String id, String key, String created, String claimed, String ended, String candidateGroup,
                    String decision) {
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               case_id, candidate_groups, status, created_at, claimed_at, ended_at, completed_by, submission)
        values (?, ?, ?, ?, 'KPIテスト業務', ?, ?, ?, ?, 'COMPLETED', ?, ?, ?, 'staff2', cast(? as jsonb))""",
        id + processKey, "PI" + id + processKey, processKey + ":1", processKey, key, "確認" + id, "CASE-" + processKey,
        new String[] {candidateGroup == null ? group : candidateGroup}, japan(created), japan(claimed), japan(ended),
        decision == null ? null : "{\"decision\":\"" + decision + "\"}");
  }

  private void openTask(String id, Instant created, String assignee) {
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               case_id, assignee, candidate_groups, status, created_at, claimed_at)
        values (?, ?, ?, ?, 'KPIテスト業務', ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
        id + processKey, "PI" + id + processKey, processKey + ":1", processKey, taskKey, "確認" + id, "CASE-" + processKey,
        assignee, new String[] {group}, Timestamp.from(created), assignee == null ? null : Timestamp.from(created));
  }

  private void processInstance(String id, String started, String ended) {
    Timestamp start = japan(started);
    Timestamp end = japan(ended);
    jdbc.update("""
        insert into act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_, end_time_, duration_, state_)
        values (?, ?, ?, ?, ?, ?, ?, 'COMPLETED')""",
        id + processKey, id + processKey, processKey + ":1", processKey, start, end, end.getTime() - start.getTime());
  }

  private static Timestamp japan(String localDateTime) {
    return localDateTime == null ? null
        : Timestamp.from(LocalDateTime.parse(localDateTime).atZone(JAPAN).toInstant());
  }
}
