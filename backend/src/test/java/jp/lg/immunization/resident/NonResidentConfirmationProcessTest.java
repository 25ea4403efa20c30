package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every path of 住登外者確認 (R02), driven through the app's API as staff would, with the engine's
 * state checked by camunda-bpm-assert.
 */
@IntegrationTest
class NonResidentConfirmationProcessTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ResidentNetworkSimulator simulator;
  @Autowired NonResidentCaseRepository cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    simulator.reset();
  }

  @AfterEach
  void tearDown() {
    simulator.reset();
  }

  @Test
  void R02_nonResidentBecomesUsableOnlyAfterASecondStaffMemberConfirms() throws Exception {
    ProcessInstance instance = startAndAnswer("ヤマダ タロウ");
    assertThat(instance).isWaitingAt("ProposeMatch");
    assertThat(caseOf(instance).status()).isEqualTo(NonResidentCase.Status.PROPOSING);

    complete("staff1", instance, "ProposeMatch", Map.of("decision", "PROPOSE", "note", "生年月日・性別一致"));
    assertThat(instance).isWaitingAt("DoubleCheckMatch");
    assertThat(caseOf(instance).residentId()).as("not usable before the double check").isNull();

    complete("staff2", instance, "DoubleCheckMatch", Map.of("decision", "CONFIRM"));

    assertThat(instance).hasPassed("ActivateNonResident").isEnded();
    NonResidentCase confirmed = caseOf(instance);
    assertThat(confirmed.status()).isEqualTo(NonResidentCase.Status.CONFIRMED);
    assertThat(jdbc.queryForMap("select status, source, family_name_kanji, family_name_kana from resident where id = ?",
        confirmed.residentId()))
        .containsEntry("status", "NON_RESIDENT").containsEntry("source", "RESIDENT_NETWORK_CS")
        .containsEntry("family_name_kanji", "山田").containsEntry("family_name_kana", "ヤマダ");
  }

  @Test
  void R02_theStaffMemberWhoProposedCannotConfirmTheirOwnProposal() throws Exception {
    ProcessInstance instance = startAndAnswer("サトウ ハナコ");
    complete("staff1", instance, "ProposeMatch", Map.of("decision", "PROPOSE"));
    String checkTask = openTaskId(instance, "DoubleCheckMatch");

    mvc.perform(get("/api/tasks/" + checkTask).with(users.as("staff1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.canComplete").value(false))
        .andExpect(jsonPath("$.refusal").value(org.hamcrest.Matchers.containsString("別の職員")));
    mvc.perform(post("/api/tasks/" + checkTask + "/claim").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("four_eyes"));

    // Even holding the task (assigned behind the UI's back) does not let the proposer complete it.
    engine.getTaskService().claim(checkTask, "staff1");
    perform("staff1", post("/api/tasks/" + checkTask + "/complete"), Map.of("values", Map.of("decision", "CONFIRM")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("別の職員")));
    assertThat(instance).isWaitingAt("DoubleCheckMatch");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'TASK_REFUSED' and username = 'staff1'",
        Long.class)).isPositive();

    engine.getTaskService().setAssignee(checkTask, null);
    complete("staff2", instance, "DoubleCheckMatch", Map.of("decision", "CONFIRM"));
    assertThat(instance).isEnded();
  }

  @Test
  void R02_checkerSendsBackWithAReasonAndTheProposerSeesItAndProposesAgain() throws Exception {
    ProcessInstance instance = startAndAnswer("スズキ イチロウ");
    complete("staff1", instance, "ProposeMatch", Map.of("decision", "PROPOSE"));

    perform("staff2", post("/api/tasks/" + claim("staff2", instance, "DoubleCheckMatch") + "/complete"),
        Map.of("values", Map.of("decision", "SEND_BACK")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    complete("staff2", instance, "DoubleCheckMatch", Map.of("decision", "SEND_BACK", "reason", "住所の確認が必要"));

    assertThat(instance).isWaitingAt("ProposeMatch");
    String reworkTask = openTaskId(instance, "ProposeMatch");
    JsonNode details = json.readTree(mvc.perform(get("/api/tasks/" + reworkTask).with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(details.toString()).contains("住所の確認が必要");
    assertThat(details.path("data").path("decision").asText()).isEqualTo("PROPOSE");

    complete("staff1", instance, "ProposeMatch", Map.of("decision", "PROPOSE"));
    // staff2 checked before but did not propose: still a second pair of eyes.
    complete("staff2", instance, "DoubleCheckMatch", Map.of("decision", "CONFIRM"));
    assertThat(instance).isEnded().hasPassed("ActivateNonResident");
  }

  @Test
  void R02_requesterCanWithdrawInsteadOfProposing() throws Exception {
    ProcessInstance instance = startAndAnswer("タナカ マコト");
    complete("staff1", instance, "ProposeMatch", Map.of("decision", "WITHDRAW", "note", "別人のため"));
    assertThat(instance).isEnded().hasPassed("Withdrawn").hasNotPassed("ActivateNonResident");
    assertThat(caseOf(instance).status()).isEqualTo(NonResidentCase.Status.WITHDRAWN);
    assertThat(caseOf(instance).residentId()).isNull();
  }

  @Test
  void R02_nobodyFoundEndsTheCaseWithoutARecord() throws Exception {
    ProcessInstance instance = startAndAnswer("フメイ タロウ");
    assertThat(instance).isEnded().hasPassed("IdentityNotFound").hasNotPassed("ProposeMatch");
    assertThat(caseOf(instance).status()).isEqualTo(NonResidentCase.Status.NOT_FOUND);
  }

  @Test
  void R02_networkFailureIsRetriedThenBecomesAVisibleIncident() throws Exception {
    simulator.failNextRequests(10);
    ProcessInstance instance = start("イトウ ケン");
    assertThat(driver.failUntilIncident(instance, "RequestIdentityLookup")).as("attempts").isEqualTo(6);
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(instance).isActive().isWaitingAt("RequestIdentityLookup");

    // Administrators see the incident, without personal data, and retry once the network is back.
    String incidents = mvc.perform(get("/api/admin/incidents").with(users.as("admin1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    JsonNode incident = java.util.stream.StreamSupport.stream(json.readTree(incidents).spliterator(), false)
        .filter(node -> node.path("caseId").asText().equals(instance.getBusinessKey())).findFirst().orElseThrow();
    assertThat(incident.path("step").asText()).isEqualTo("RequestIdentityLookup");
    assertThat(incident.toString()).doesNotContain("イトウ");
    simulator.failNextRequests(0);
    mvc.perform(post("/api/admin/incidents/" + incident.path("id").asText() + "/retry").with(users.as("admin1")).with(csrf()))
        .andExpect(status().isNoContent());
    execute(job());
    simulator.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("ProposeMatch");
  }

  @Test
  void R02_noAnswerWithinTheTimeoutEndsTheCaseAsTimedOut() throws Exception {
    ProcessInstance instance = start("コバヤシ アイ");
    assertThat(instance).isWaitingAt("RequestIdentityLookup");
    execute(job());
    assertThat(instance).isWaitingAt("AwaitIdentityAnswer");
    execute(job("LookupTimedOut"));
    assertThat(instance).isEnded().hasPassed("LookupExpired");
    assertThat(caseOf(instance).status()).isEqualTo(NonResidentCase.Status.TIMED_OUT);
  }

  @Test
  void R02_anAnswerDeliveredTwiceIsRecordedOnce() throws Exception {
    ProcessInstance instance = startAndAnswer("ワタナベ ミサキ");
    NonResidentCase answered = caseOf(instance);
    simulator.redeliver(NonResidentCases.requestIdOf(answered.id()), answered.query());
    assertThat(instance).isWaitingAt("ProposeMatch");
    assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("ProposeMatch").count())
        .isEqualTo(1);
    assertThat(caseOf(instance).answeredAt()).isEqualTo(answered.answeredAt());
    assertThat(simulator.receivedRequests()).containsExactly(NonResidentCases.requestIdOf(answered.id()));
  }

  @Test
  void taskCompletionAcceptsOnlyTheFormsFieldsAndChangesNothingOtherwise() throws Exception {
    ProcessInstance instance = startAndAnswer("ヤマモト ヒロシ");
    String taskId = claim("staff1", instance, "ProposeMatch");
    String path = "/api/tasks/" + taskId + "/complete";

    perform("staff1", post(path), Map.of("values", Map.of("decision", "PROPOSE", "approvedBy", "super1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("approvedBy")))
        .andExpect(jsonPath("$.fields.approvedBy").exists());
    perform("staff1", post(path), Map.of("values", Map.of("decision", 42)))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.decision").exists());
    perform("staff1", post(path), Map.of("values", Map.of("note", "判断なし")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.decision").value("判断を入力してください"));
    mvc.perform(post(path).with(users.as("staff1")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed_request"));

    assertThat(instance).isWaitingAt("ProposeMatch");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("decision", "approvedBy", "note");
  }

  @Test
  void twoStaffClaimingTheSameTaskAtOnceLeaveExactlyOneAssignee() throws Exception {
    ProcessInstance instance = startAndAnswer("キムラ ミノル");
    String taskId = openTaskId(instance, "ProposeMatch");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var claims = java.util.stream.Stream.of("staff1", "staff2").map(username -> pool.submit(() -> {
        start.await();
        return mvc.perform(post("/api/tasks/" + taskId + "/claim").with(users.as(username)).with(csrf()))
            .andReturn().getResponse().getStatus();
      })).toList();
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var claim : claims) {
        statuses.add(claim.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdown();
    }
    String assignee = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
    assertThat(assignee).isIn("staff1", "staff2");
    assertThat(jdbc.queryForObject("select assignee from task_view where id = ?", String.class, taskId)).isEqualTo(assignee);
  }

  @Test
  void startFormRefusesBadInputAndStartsNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(NonResidentCases.PROCESS_KEY).count();
    driver.startRequest("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", "Yamada Taro", "birthDate", "2000-13-01", "sex", "OTHER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.nameKana").exists())
        .andExpect(jsonPath("$.fields.birthDate").exists())
        .andExpect(jsonPath("$.fields.sex").exists())
        .andExpect(jsonPath("$.fields.reason").exists());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NonResidentCases.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void processVariablesHoldNoPersonalData() throws Exception {
    ProcessInstance instance = startAndAnswer("ナカムラ ツヨシ");
    complete("staff1", instance, "ProposeMatch", Map.of("decision", "PROPOSE", "note", "ナカムラ本人と確認"));
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    assertThat(variables.keySet()).containsExactlyInAnyOrder("caseId", "lookupTimeout", "startedBy", "lookupOutcome", "decision");
    assertThat(variables.values().toString()).doesNotContain("ナカムラ");
  }

  @Test
  void R02_aSecondCaseThatFindsTheSamePersonIsRefusedWithAReasonInsteadOfRegisteringThemTwice() throws Exception {
    // The simulator finds the same person (and 個人番号) for the same query.
    ProcessInstance first = startAndAnswer("オオノ サトシ");
    ProcessInstance second = startAndAnswer("オオノ サトシ");
    complete("staff1", first, "ProposeMatch", Map.of("decision", "PROPOSE"));
    complete("staff1", second, "ProposeMatch", Map.of("decision", "PROPOSE"));
    complete("staff2", first, "DoubleCheckMatch", Map.of("decision", "CONFIRM"));
    String registered = jdbc.queryForObject("select addressee_number from resident where id = ?", String.class,
        caseOf(first).residentId());
    long residents = jdbc.queryForObject("select count(*) from resident", Long.class);

    perform("staff2", post("/api/tasks/" + claim("staff2", second, "DoubleCheckMatch") + "/complete"),
        Map.of("values", Map.of("decision", "CONFIRM")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("already_registered"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("宛名番号 " + registered)));

    assertThat(second).isWaitingAt("DoubleCheckMatch");
    assertThat(caseOf(second).residentId()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from resident", Long.class)).isEqualTo(residents);
    // The way out the message names: send back, then withdraw.
    complete("staff2", second, "DoubleCheckMatch", Map.of("decision", "SEND_BACK", "reason", "登録済みの方"));
    complete("staff1", second, "ProposeMatch", Map.of("decision", "WITHDRAW", "note", "登録済みのため"));
    assertThat(second).isEnded().hasNotPassed("ActivateNonResident");
  }

  private ProcessInstance start(String nameKana) throws Exception {
    return driver.start("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", nameKana, "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
  }

  private ProcessInstance startAndAnswer(String nameKana) throws Exception {
    ProcessInstance instance = start(nameKana);
    assertThat(instance).isWaitingAt("RequestIdentityLookup");
    execute(job());
    assertThat(instance).isWaitingAt("AwaitIdentityAnswer");
    simulator.deliverPendingAnswers();
    return instance;
  }

  private void complete(String username, ProcessInstance instance, String taskKey, Map<String, Object> values)
      throws Exception {
    driver.complete(username, instance, taskKey, values);
  }

  private String claim(String username, ProcessInstance instance, String taskKey) throws Exception {
    return driver.claim(username, instance, taskKey);
  }

  private String openTaskId(ProcessInstance instance, String taskKey) {
    return driver.openTaskId(instance, taskKey);
  }

  private ResultActions perform(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
    return driver.perform(username, request, body);
  }

  private NonResidentCase caseOf(ProcessInstance instance) {
    return cases.findById(Long.parseLong(instance.getBusinessKey())).orElseThrow();
  }
}
