package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Reassignment by supervisors and absences with stand-ins: a supervisor of the step's group gives a claimed or
 * unclaimed step to a colleague of the department who may do it, or releases it, with a reason; the four-eyes rule
 * still holds and the screen gets the reason; every assignment and refusal is audited with who, from whom, to whom
 * and why.
 */
@IntegrationTest
class TaskAssignmentApiTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessDriver driver;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @AfterEach
  void tearDown() {
    jdbc.update("delete from task_absence where username in ('staff1', 'staff2')");
  }

  @Test
  void aSupervisorGivesAnAbsentColleaguesStepToTheStandInAndEveryAssignmentIsAudited() throws Exception {
    ProcessInstance instance = start();
    String task = driver.claim("staff2", instance, "CheckRequesterIdentity");
    driver.perform("staff2", post("/api/tasks/absences"),
        Map.of("startsOn", today().toString(), "endsOn", today().plusDays(1).toString(), "standIn", "staff1"))
        .andExpect(status().isCreated());

    JsonNode candidates = read(mvc.perform(get("/api/tasks/" + task + "/candidates").with(users.as("super1"))));
    JsonNode holder = find(candidates, "staff2");
    assertThat(holder.path("holder").asBoolean()).isTrue();
    assertThat(holder.at("/away/standIn").asText()).isEqualTo("staff1");
    assertThat(find(candidates, "staff1").path("refusal").isNull()).isTrue();
    assertThat(candidates.findValuesAsText("username")).doesNotContain("staff3"); // another department
    JsonNode listed = read(mvc.perform(get("/api/tasks").param("view", "all").param("claimedBy", "staff2")
        .with(users.as("super1"))));
    JsonNode row = null;
    for (JsonNode item : listed.path("items")) {
      if (item.path("id").asText().equals(task)) {
        row = item;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.at("/assigneeAway/standInName").asText()).isEqualTo("佐藤 花子（担当）");

    assign("super1", task, "staff1", "担当者の病欠のため").andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("staff1"));
    assertThat(audited("super1", "TASK_ASSIGN", task)).contains("from=staff2 to=staff1 reason=担当者の病欠のため");

    assign("super1", task, null, "窓口対応の都合").andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").doesNotExist());
    assertThat(audited("super1", "TASK_ASSIGN", task)).contains("from=staff1 to=- reason=窓口対応の都合");
    assign("super1", task, "staff2", "復帰したため").andExpect(status().isOk());
  }

  @Test
  void onlyASupervisorReassignsToAColleagueOfTheDepartmentWithAReason() throws Exception {
    ProcessInstance instance = start();
    String task = driver.openTaskId(instance, "CheckRequesterIdentity");

    assign("staff1", task, "staff2", "理由").andExpect(status().isForbidden());
    mvc.perform(get("/api/tasks/" + task + "/candidates").with(users.as("staff1"))).andExpect(status().isForbidden());
    assign("super1", task, "staff2", " ").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    assign("super1", task, "staff3", "他部署へ").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.assignee").exists());
    assign("super1", task, "manager1", "管理者へ").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.assignee").exists());
    assign("super1", task, null, "誰も担当していない").andExpect(status().isConflict());
    assertThat(jdbc.queryForObject("select assignee from task_view where id = ?", String.class, task)).isNull();
  }

  @Test
  void aStepIsNeverGivenToSomeoneTheFourEyesRuleRefusesAndTheScreenSaysWhy() throws Exception {
    ProcessInstance instance = start();
    driver.complete("super1", instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
    driver.complete("super1", instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる"));
    String approval = driver.openTaskId(instance, "ApproveRequestDecision");

    JsonNode candidates = read(mvc.perform(get("/api/tasks/" + approval + "/candidates").with(users.as("super1"))));
    assertThat(find(candidates, "super1").path("refusal").asText()).contains("四つの目の原則");
    assertThat(candidates.findValuesAsText("username")).doesNotContain("staff1", "staff2"); // not supervisors

    assign("super1", approval, "super1", "自分で承認したい").andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("four_eyes"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("四つの目の原則")));
    assertThat(audited("super1", "TASK_REFUSED", approval)).contains("to=super1 reason=four-eyes");
    assertThat(jdbc.queryForObject("select assignee from task_view where id = ?", String.class, approval)).isNull();
  }

  @Test
  void absencesAreMarkedByTheUserOrTheirSupervisorWithAStandInOfTheDepartment() throws Exception {
    Map<String, Object> absence = new HashMap<>(Map.of("username", "staff2", "startsOn", today().toString(),
        "endsOn", today().plusDays(2).toString(), "standIn", "staff1"));
    driver.perform("staff1", post("/api/tasks/absences"), absence).andExpect(status().isForbidden());
    JsonNode recorded = read(driver.perform("super1", post("/api/tasks/absences"), absence)
        .andExpect(status().isCreated()));
    assertThat(read(mvc.perform(get("/api/tasks/absences").with(users.as("staff1")))).findValuesAsText("username"))
        .contains("staff2");
    assertThat(read(mvc.perform(get("/api/tasks/absences").with(users.as("staff3")))).findValuesAsText("username"))
        .doesNotContain("staff2");

    absence.put("endsOn", today().minusDays(1).toString());
    driver.perform("super1", post("/api/tasks/absences"), absence).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.endsOn").exists());
    absence.put("endsOn", "平成35年1月1日");
    driver.perform("super1", post("/api/tasks/absences"), absence).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.endsOn").exists());
    absence.putAll(Map.of("endsOn", today().toString(), "standIn", "staff2"));
    driver.perform("super1", post("/api/tasks/absences"), absence).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.standIn").exists());
    absence.put("standIn", "staff3");
    driver.perform("super1", post("/api/tasks/absences"), absence).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.standIn").exists());

    mvc.perform(delete("/api/tasks/absences/" + recorded.path("id").asLong()).with(users.as("staff2")).with(csrf()))
        .andExpect(status().isNoContent());
    assertThat(jdbc.queryForObject("select count(*) from task_absence where username = 'staff2'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'ABSENCE_SET' and detail like ?""", Long.class,
        "absence=" + recorded.path("id").asLong() + " %")).isEqualTo(2);
  }

  private ResultActions assign(String username, String task, String assignee, String reason) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("assignee", assignee);
    body.put("reason", reason);
    return driver.perform(username, post("/api/tasks/" + task + "/assign"), body);
  }

  private String audited(String username, String operation, String taskId) {
    String taskKey = jdbc.queryForObject("select task_key || ' process=' || process_key || ' case=' || case_id "
        + "from task_view where id = ?", String.class, taskId);
    return String.join("\n", jdbc.queryForList("""
        select detail from audit_event where username = ? and operation = ? and detail like ? order by id""",
        String.class, username, operation, "task=" + taskKey + "%"));
  }

  private JsonNode read(ResultActions actions) throws Exception {
    return json.readTree(actions.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString());
  }

  private static JsonNode find(JsonNode candidates, String username) {
    for (JsonNode candidate : candidates) {
      if (candidate.path("username").asText().equals(username)) {
        return candidate;
      }
    }
    throw new AssertionError(username + " is not among the candidates");
  }

  private ProcessInstance start() throws Exception {
    return DisclosureRequests.start(context, driver);
  }

  private static LocalDate today() {
    return LocalDate.now(JAPAN);
  }
}
