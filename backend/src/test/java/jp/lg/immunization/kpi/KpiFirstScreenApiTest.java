package jp.lg.immunization.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The managers' first screen (headline figures, weekly trend, steps overdue now and their paged drill-down) and
 * coverage per vaccine and dose over its target population. The database is shared with other tests, so figures over
 * the whole office are checked as the difference this test's own rows make.
 */
@IntegrationTest
class KpiFirstScreenApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private String processKey;
  private final List<Long> residents = new ArrayList<>();

  @BeforeEach
  void names() {
    processKey = "KpiFirst" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void removeRows() {
    jdbc.update("delete from task_view where process_key = ?", processKey);
    jdbc.update("delete from act_hi_procinst where proc_def_key_ = ?", processKey);
    jdbc.update("delete from dose_record where resident_id = any (?)", (Object) residents.toArray(Long[]::new));
    jdbc.update("delete from resident where id = any (?)", (Object) residents.toArray(Long[]::new));
  }

  @Test
  void headlineFiguresCountOpenOverdueDueSoonAndThisMonthsProcesses() throws Exception {
    JsonNode before = read("/api/kpi/summary").path("headline");
    Instant now = Instant.now();
    openStep("O1", "KpiFirstCheck", now.minus(2, ChronoUnit.DAYS), null);
    openStep("O2", "KpiFirstCheck", now.plus(1, ChronoUnit.HOURS), "staff1");
    openStep("O3", "KpiFirstCheck", now.plus(30, ChronoUnit.DAYS), null);
    jdbc.update("""
        insert into act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_, end_time_, duration_,
                                     state_)
        values (?, ?, ?, ?, localtimestamp - interval '1 minute', localtimestamp, 60000, 'COMPLETED')""",
        processKey, processKey, processKey + ":1", processKey);

    JsonNode summary = read("/api/kpi/summary");
    JsonNode after = summary.path("headline");
    assertThat(after.path("open").asLong() - before.path("open").asLong()).isEqualTo(3);
    assertThat(after.path("overdue").asLong() - before.path("overdue").asLong()).isEqualTo(1);
    assertThat(after.path("dueSoon").asLong() - before.path("dueSoon").asLong()).isEqualTo(1);
    assertThat(after.path("unclaimed").asLong() - before.path("unclaimed").asLong()).isEqualTo(2);
    assertThat(after.path("startedThisMonth").asLong() - before.path("startedThisMonth").asLong()).isEqualTo(1);
    assertThat(after.path("completedThisMonth").asLong() - before.path("completedThisMonth").asLong()).isEqualTo(1);
    JsonNode trend = summary.path("trend");
    assertThat(trend).hasSize(KpiSummary.TREND_WEEKS);
    assertThat(LocalDate.parse(trend.get(KpiSummary.TREND_WEEKS - 1).path("monday").asText()).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(trend.get(KpiSummary.TREND_WEEKS - 1).path("processesStarted").asLong()).isPositive();
  }

  @Test
  void overdueStepsAreListedByStepAndPagedMostOverdueFirstWithoutCaseData() throws Exception {
    Instant now = Instant.now();
    for (int i = 0; i < 25; i++) {
      openStep("D" + i, "KpiFirstLate", now.minus(30 - i, ChronoUnit.DAYS), i == 0 ? "staff1" : null);
    }
    openStep("N1", "KpiFirstLate", now.plus(3, ChronoUnit.DAYS), null);

    JsonNode breach = null;
    for (JsonNode row : read("/api/kpi/summary").path("breaches")) {
      if (row.path("processKey").asText().equals(processKey)) {
        breach = row;
      }
    }
    assertThat(breach).as("the step with 25 overdue is among the most overdue").isNotNull();
    assertThat(breach.path("taskKey").asText()).isEqualTo("KpiFirstLate");
    assertThat(breach.path("overdue").asLong()).isEqualTo(25);

    String query = "/api/kpi/overdue?processKey=" + processKey + "&taskKey=KpiFirstLate&size=20";
    JsonNode first = read(query);
    assertThat(first.path("total").asLong()).isEqualTo(25);
    assertThat(first.path("items")).hasSize(20);
    assertThat(first.at("/items/0/id").asText()).isEqualTo("D0" + processKey);
    assertThat(first.at("/items/0/assigneeName").asText()).startsWith("佐藤 花子");
    assertThat(first.at("/items/0/businessDaysOverdue").asInt()).isGreaterThanOrEqualTo(18);
    JsonNode second = read(query + "&page=1");
    assertThat(second.path("items")).hasSize(5);
    assertThat(second.at("/items/4/id").asText()).isEqualTo("D24" + processKey);
    assertThat(second.toString() + first).doesNotContain("CASE-", "caseId", "residentId", "submission");

    mvc.perform(get("/api/kpi/overdue?size=500").with(users.as("manager1"))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(Matchers.containsString("1ページの件数は1から100まで")));
    mvc.perform(get("/api/kpi/overdue?page=-1").with(users.as("manager1"))).andExpect(status().isBadRequest());
    for (String user : List.of("staff1", "super1", "auditor1")) {
      mvc.perform(get("/api/kpi/summary").with(users.as(user))).andExpect(status().isForbidden());
      mvc.perform(get("/api/kpi/overdue").with(users.as(user))).andExpect(status().isForbidden());
    }
  }

  /**
   * 年度 2005: MR 2期 is for 年長 (born 1999-04-02 to 2000-04-01), HPV for girls of 小6 to 高1 (born 1989-04-02 to
   * 1994-04-01). A dose counts when its 接種区分 is the one of the line (spelled as clerks do) and given by 2006-03-31.
   */
  @Test
  void coverageCountsEachDoseOverItsTargetPopulation() throws Exception {
    String town = "接種率試験町";
    String small = "接種率少数町";
    JsonNode before = read("/api/kpi/coverage?fiscalYear=2005");
    // 12 in 年長 in one town: 8 with MR 2期, two spelled by hand (ＭＲ, ' 2期'), one 1期 only, one 2期 too late.
    for (int i = 0; i < 12; i++) {
      long id = resident(LocalDate.of(1999, 4, 2).plusDays(30L * i), Sex.MALE, town);
      if (i < 6) {
        dose(id, "MR", "2期", "2005-10-01");
      } else if (i == 6) {
        dose(id, "ＭＲ", "2期", "2005-10-01");
      } else if (i == 7) {
        dose(id, "麻しん風しん", " 2期", "2006-03-31");
      } else if (i == 8) {
        dose(id, "MR", "1期", "2001-04-01");
      } else if (i == 9) {
        dose(id, "MR", "2期", "2006-04-01");
      }
    }
    // Born the day after the last day of 年長: not in the population, its dose not counted.
    dose(resident(LocalDate.of(2000, 4, 2), Sex.MALE, small), "MR", "2期", "2005-10-01");
    // Two in another town, one with MR 2期: too few to show by district.
    dose(resident(LocalDate.of(2000, 4, 1), Sex.FEMALE, small), "MR", "2期", "2005-06-01");
    resident(LocalDate.of(1999, 5, 1), Sex.FEMALE, small);
    // HPV: a girl of 小6 with her 1回目 counts; a boy of the same year is not in the population.
    dose(resident(LocalDate.of(1994, 4, 1), Sex.FEMALE, small), "HPV", "1回目", "2005-09-01");
    dose(resident(LocalDate.of(1994, 3, 1), Sex.MALE, small), "HPV", "1回目", "2005-09-01");
    JsonNode after = read("/api/kpi/coverage?fiscalYear=2005");

    JsonNode mr2 = line(after, "MR2", Coverage.ALL_DISTRICTS);
    assertThat(mr2.path("vaccine").asText()).isEqualTo("MR（麻しん風しん）");
    assertThat(mr2.path("dose").asText()).isEqualTo("2期");
    assertThat(mr2.path("population").asText()).startsWith("年長");
    assertThat(mr2.path("bornFrom").asText()).isEqualTo("1999-04-02");
    assertThat(mr2.path("bornTo").asText()).isEqualTo("2000-04-01");
    assertThat(mr2.path("asOf").asText()).isEqualTo("2006-03-31");
    JsonNode mr2Before = line(before, "MR2", Coverage.ALL_DISTRICTS);
    assertThat(mr2.path("targetPopulation").asLong() - mr2Before.path("targetPopulation").asLong()).isEqualTo(14);
    assertThat(mr2.path("vaccinated").asLong() - mr2Before.path("vaccinated").asLong()).isEqualTo(9);
    JsonNode hpv = line(after, "HPV1", Coverage.ALL_DISTRICTS);
    JsonNode hpvBefore = line(before, "HPV1", Coverage.ALL_DISTRICTS);
    assertThat(hpv.path("targetPopulation").asLong() - hpvBefore.path("targetPopulation").asLong()).isEqualTo(1);
    assertThat(hpv.path("vaccinated").asLong() - hpvBefore.path("vaccinated").asLong()).isEqualTo(1);
    // Every dose of the schedule has its line, in the schedule's order.
    assertThat(after.findValuesAsText("target")).containsSubsequence("BCG", "MR1", "MR2", "DT2", "HPV3");

    JsonNode byDistrict = read("/api/kpi/coverage/districts?fiscalYear=2005&target=MR2");
    assertThat(byDistrict.get(0).path("district").asText()).isEqualTo(Coverage.ALL_DISTRICTS);
    JsonNode ours = line(byDistrict, "MR2", town);
    assertThat(ours.path("suppressed").asBoolean()).isFalse();
    assertThat(ours.path("targetPopulation").asLong()).isEqualTo(12);
    assertThat(ours.path("vaccinated").asLong()).isEqualTo(8);
    assertThat(ours.path("rate").asDouble()).isCloseTo(8.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode few = line(byDistrict, "MR2", small);
    assertThat(few.path("suppressed").asBoolean()).isTrue();
    assertThat(few.path("targetPopulation").isNull()).isTrue();
    assertThat(few.path("vaccinated").isNull()).isTrue();
    assertThat(byDistrict.toString()).doesNotContain("花子", "シケン");

    mvc.perform(get("/api/kpi/coverage/districts?target=NOPE").with(users.as("manager1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(Matchers.containsString("接種の種類「NOPE」はありません")));
    mvc.perform(get("/api/kpi/coverage?fiscalYear=1999").with(users.as("manager1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(Matchers.containsString("年度は2000年度から")));
  }

  private JsonNode read(String path) throws Exception {
    return json.readTree(mvc.perform(get(path).with(users.as("manager1"))).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static JsonNode line(JsonNode rows, String target, String district) {
    for (JsonNode row : rows) {
      if (row.path("target").asText().equals(target) && row.path("district").asText().equals(district)) {
        return row;
      }
    }
    throw new AssertionError("no line " + target + "/" + district + " in " + rows);
  }

  private void openStep(String id, String taskKey, Instant dueAt, String assignee) {
    Instant created = dueAt.minus(5, ChronoUnit.DAYS);
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               case_id, assignee, candidate_groups, status, created_at, claimed_at, due_at)
        values (?, ?, ?, ?, 'KPI第一画面テスト', ?, '確認', ?, ?, ?, 'OPEN', ?, ?, ?)""",
        id + processKey, "PI" + id + processKey, processKey + ":1", processKey, taskKey, "CASE-" + processKey,
        assignee, new String[] {"staff"}, Timestamp.from(created), assignee == null ? null : Timestamp.from(created),
        Timestamp.from(dueAt));
  }

  private long resident(LocalDate birth, Sex sex, String district) {
    long id = new ResidentFixtures(context).insert(new ResidentFixtures.Person("試験", "花子", "シケン", "ハナコ", birth,
        sex, "3500000", "埼玉県架空市" + district + "1丁目1番1号", "REGISTERED"));
    residents.add(id);
    return id;
  }

  private void dose(long residentId, String vaccine, String category, String date) {
    jdbc.update("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        select ?, ?, id, birth_date, sex, cast(? as date) from resident where id = ?""",
        vaccine, category, date, residentId);
  }
}
