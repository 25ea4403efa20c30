package jp.lg.immunization.infonetwork.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.infonetwork.network.IntermediateServerSimulator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Every path of 情報照会 (R14, R15, R19, R20, R24, R25), driven through the API as staff and supervisors would. */
@IntegrationTest
class InformationQueryProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IntermediateServerSimulator network;
  @Autowired QueryResultRetention retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private String addresseeNumber;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    network.reset();
    addresseeNumber = jdbc.queryForObject("select addressee_number from resident order by id limit 1 offset 7", String.class);
  }

  @AfterEach
  void tearDown() {
    network.reset();
  }

  @Test
  void R14_R19_R25_approvedQueryIsSentAnsweredCheckedTwiceSavedAndRecorded() throws Exception {
    ProcessInstance instance = request("staff1", "VACCINATION_RECORD");
    assertThat(instance).isWaitingAt("ApproveQuery");
    assertThat(network.receivedQueries()).as("nothing leaves before approval").isEmpty();

    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("SendQuery");
    execute(job());
    assertThat(instance).isWaitingAt("AwaitQueryAnswer");
    assertThat(network.receivedQueries()).hasSize(1);
    network.deliverPendingAnswers();

    assertThat(instance).isWaitingAt("CheckQueryResult");
    driver.complete("staff1", instance, "CheckQueryResult", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckQueryResult", Map.of("decision", "SAVE"));
    assertThat(instance).isEnded().hasPassed("SaveQueryResult", "QueryCompleted");

    long queryId = Long.parseLong(instance.getBusinessKey());
    assertThat(jdbc.queryForObject("select count(*) from resident_network_information where query_id = ?", Long.class, queryId))
        .isEqualTo(1);
    Map<String, Object> record = jdbc.queryForMap("select * from provision_record where query_id = ?", queryId);
    assertThat(record).containsEntry("kind", "QUERY").containsEntry("requested_by", "staff1")
        .containsEntry("approved_by", "super1").containsEntry("information_item", "VACCINATION_RECORD")
        .containsEntry("legal_basis", "ACT19_8_TABLE14").containsEntry("outcome", "COMPLETED");
    assertThat(record.get("sent_at")).isNotNull();
    assertThat(record.get("answered_at")).isNotNull();
    assertThat(record.get("retain_until").toString()).startsWith(String.valueOf(java.time.LocalDate.now().getYear() + 7));
  }

  @Test
  void R14_aRequesterCannotApproveTheirOwnQuery() throws Exception {
    ProcessInstance instance = request("super1", "LOCAL_TAX");
    String approval = driver.openTaskId(instance, "ApproveQuery");
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tasks/" + approval + "/claim")
            .with(users.as("super1"))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value(containsString("自分が依頼した案件")));
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE")).andExpect(status().isForbidden());
    assertThat(instance).isWaitingAt("ApproveQuery");
    engine.getTaskService().setAssignee(approval, null);

    driver.complete("super2", instance, "ApproveQuery", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("SendQuery");
  }

  @Test
  void R14_staffCannotApproveAtAll() throws Exception {
    ProcessInstance instance = request("staff1", "LOCAL_TAX");
    String approval = driver.openTaskId(instance, "ApproveQuery");
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tasks/" + approval + "/claim")
            .with(users.as("staff2"))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_candidate"));
  }

  @Test
  void R14_aRejectedQueryGoesBackToTheRequesterWhoRevisesAndTheApproverSeesWhatChanged() throws Exception {
    ProcessInstance instance = request("staff1", "LOCAL_TAX");
    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "REJECT", "reason", "目的をより具体的に"));
    assertThat(instance).isWaitingAt("ReviseQuery");

    String revision = driver.openTaskId(instance, "ReviseQuery");
    mvc.perform(get("/api/tasks/" + revision).with(users.as("staff2"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/tasks/" + revision).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.data.purpose").value("自己負担金免除の判定のため"))
        .andExpect(jsonPath("$.context.sections[*].rows[*].value", org.hamcrest.Matchers.hasItem(containsString("目的をより具体的に"))));

    driver.complete("staff1", instance, "ReviseQuery", Map.of("decision", "RESUBMIT", "informationItem", "LOCAL_TAX",
        "legalBasis", "ACT19_8_TABLE14", "purpose", "令和8年度高齢者インフルエンザ自己負担金免除の判定のため"));
    assertThat(instance).isWaitingAt("ApproveQuery");
    String approval = driver.openTaskId(instance, "ApproveQuery");
    mvc.perform(get("/api/tasks/" + approval).with(users.as("super1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.context.sections[*].heading", org.hamcrest.Matchers.hasItem("前回の差戻しからの変更点")))
        .andExpect(jsonPath("$.context.sections[*].rows[*].value",
            org.hamcrest.Matchers.hasItem("自己負担金免除の判定のため → 令和8年度高齢者インフルエンザ自己負担金免除の判定のため")));
    assertThat(network.receivedQueries()).isEmpty();

    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("SendQuery");
  }

  @Test
  void R14_theRequesterMayWithdrawARejectedQueryAndNothingIsSent() throws Exception {
    ProcessInstance instance = request("staff1", "PUBLIC_ASSISTANCE");
    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "REJECT", "reason", "不要な照会"));
    driver.complete("staff1", instance, "ReviseQuery", Map.of("decision", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed("QueryWithdrawn").hasNotPassed("SendQuery");
    assertThat(network.receivedQueries()).isEmpty();
    assertThat(queryStatus(instance)).isEqualTo("WITHDRAWN");
  }

  @Test
  void R15_aQueryNotOnThePermitListIsRefusedWithAClearMessageAndNothingStarts() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(InformationQueries.PROCESS_KEY).count();
    driver.startRequest("staff1", InformationQueries.PROCESS_KEY, values("HEALTH_CHECKUP", "ACT19_8_TABLE14"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("照会許可用照合リスト")))
        .andExpect(jsonPath("$.fields.informationItem").value("この事務では照会が認められていない情報です"));
    driver.startRequest("staff1", InformationQueries.PROCESS_KEY, values("VACCINATION_RECORD", "OLD_TABLE2_16_2"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.informationItem").value("根拠規定が廃止されています"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InformationQueries.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void R15_aRevisionCannotTurnAQueryIntoOneOffThePermitList() throws Exception {
    ProcessInstance instance = request("staff1", "LOCAL_TAX");
    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "REJECT", "reason", "確認"));
    String revision = driver.claim("staff1", instance, "ReviseQuery");
    driver.completeRequest("staff1", revision, Map.of("decision", "RESUBMIT", "informationItem", "HEALTH_CHECKUP",
        "legalBasis", "ACT19_8_TABLE14", "purpose", "健診結果の確認")).andExpect(status().isBadRequest());
    assertThat(instance).isWaitingAt("ReviseQuery");
  }

  @Test
  void R19_theSameStaffMemberCannotDoBothChecks() throws Exception {
    ProcessInstance instance = approvedAndAnswered("DISABILITY_CERTIFICATE");
    driver.complete("staff1", instance, "CheckQueryResult", Map.of("decision", "CONFIRM"));
    String second = driver.openTaskId(instance, "DoubleCheckQueryResult");
    engine.getTaskService().claim(second, "staff1");
    driver.completeRequest("staff1", second, Map.of("decision", "SAVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(instance).isWaitingAt("DoubleCheckQueryResult");
    assertThat(jdbc.queryForObject("select count(*) from resident_network_information where query_id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()))).isZero();
  }

  @Test
  void R19_theSecondCheckerSendsBackAndTheFirstCheckIsRedone() throws Exception {
    ProcessInstance instance = approvedAndAnswered("LOCAL_TAX");
    driver.complete("staff1", instance, "CheckQueryResult", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckQueryResult", Map.of("decision", "SEND_BACK", "reason", "対象者の再確認"));
    assertThat(instance).isWaitingAt("CheckQueryResult");
    driver.complete("staff3", instance, "CheckQueryResult", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckQueryResult", Map.of("decision", "SAVE"));
    assertThat(instance).isEnded().hasPassed("QueryCompleted");
  }

  @Test
  void R19_aDiscardedResultIsNeverSaved() throws Exception {
    ProcessInstance instance = approvedAndAnswered("PUBLIC_ASSISTANCE");
    driver.complete("staff1", instance, "CheckQueryResult", Map.of("decision", "DISCARD", "note", "別人の情報"));
    assertThat(instance).isEnded().hasPassed("QueryResultDiscarded").hasNotPassed("SaveQueryResult");
    assertThat(jdbc.queryForObject("select count(*) from resident_network_information where query_id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()))).isZero();
  }

  @Test
  void R20_rawResultsOfEndedQueriesAreReallyDeletedAfterTheRetentionPeriod() throws Exception {
    ProcessInstance completed = approvedAndAnswered("VACCINATION_RECORD");
    driver.complete("staff1", completed, "CheckQueryResult", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", completed, "DoubleCheckQueryResult", Map.of("decision", "SAVE"));
    ProcessInstance discarded = approvedAndAnswered("LOCAL_TAX");
    driver.complete("staff1", discarded, "CheckQueryResult", Map.of("decision", "DISCARD"));
    ProcessInstance running = approvedAndAnswered("DISABILITY_CERTIFICATE");

    assertThat(retention.deleteEndedBefore(Instant.now().minus(1, ChronoUnit.DAYS))).as("not expired yet").isZero();
    retention.deleteEndedBefore(Instant.now().plus(1, ChronoUnit.MINUTES));

    for (ProcessInstance ended : new ProcessInstance[] {completed, discarded}) {
      long queryId = Long.parseLong(ended.getBusinessKey());
      assertThat(jdbc.queryForObject("select count(*) from query_result where query_id = ?", Long.class, queryId)).isZero();
      assertThat(jdbc.queryForObject("select reason from query_result_deletion where query_id = ?", String.class, queryId))
          .isEqualTo("RETENTION");
    }
    assertThat(jdbc.queryForObject("select count(*) from query_result where query_id = ?", Long.class,
        Long.parseLong(running.getBusinessKey()))).as("a query still being checked keeps its result").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from resident_network_information where query_id = ?", Long.class,
        Long.parseLong(completed.getBusinessKey()))).as("what was saved to the record stays").isEqualTo(1);
  }

  @Test
  void R24_onlyTheNetworkCodeLeavesTheCity() throws Exception {
    ProcessInstance instance = approvedAndAnswered("VACCINATION_RECORD");
    IntermediateServerPort.NetworkQuery sent = network.receivedQueries().get(0);
    long residentId = jdbc.queryForObject("select resident_id from information_query where id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()));
    assertThat(sent.networkCode()).startsWith("SIM-")
        .isEqualTo(jdbc.queryForObject("select code from network_code where resident_id = ?", String.class, residentId));
    assertThat(sent.toString()).doesNotContain(addresseeNumber);
    assertThat(java.util.Arrays.stream(IntermediateServerPort.NetworkQuery.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName))
        .as("a query carries nothing else that could identify the person").containsExactly("requestId", "networkCode", "item", "basis");
  }

  @Test
  void anAnswerDeliveredTwiceIsSavedOnce() throws Exception {
    ProcessInstance instance = approvedAndAnswered("LOCAL_TAX");
    network.redeliver(network.receivedQueries().get(0));
    assertThat(instance).isWaitingAt("CheckQueryResult");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from query_result where query_id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()))).isEqualTo(1);
  }

  @Test
  void noAnswerWithinTheTimeoutAbortsTheQuery() throws Exception {
    network.leaveNextUnanswered(1);
    ProcessInstance instance = approvedAndSent("LOCAL_TAX");
    network.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("AwaitQueryAnswer");
    execute(job("QueryAnswerTimedOut"));
    assertThat(instance).isEnded().hasPassed("QueryTimedOut");
    assertThat(jdbc.queryForObject("select outcome from provision_record where query_id = ?", String.class,
        Long.parseLong(instance.getBusinessKey()))).isEqualTo("TIMED_OUT");
  }

  @Test
  void aQueryTheNetworkRefusesEndsAsRefusedAndIsRecorded() throws Exception {
    network.refuseNextRequests(1);
    ProcessInstance instance = approvedAndSent("LOCAL_TAX");
    assertThat(instance).isEnded().hasPassed("QueryRefused");
    assertThat(jdbc.queryForObject("select outcome from provision_record where query_id = ?", String.class,
        Long.parseLong(instance.getBusinessKey()))).isEqualTo("REFUSED_BY_NETWORK");
  }

  @Test
  void aTransportFailureIsRetriedThenBecomesAnIncidentAndTheQueryWaits() throws Exception {
    network.failNextRequests(10);
    ProcessInstance instance = request("staff1", "LOCAL_TAX");
    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "APPROVE"));
    assertThat(driver.failUntilIncident(instance, "SendQuery")).as("attempts: the outside systems' retry cycle")
        .isEqualTo(6);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(instance).isWaitingAt("SendQuery");
    assertThat(network.receivedQueries()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from provision_record where query_id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()))).as("nothing was sent, nothing recorded as sent").isZero();
  }

  @Test
  void R14_theApprovalQueueShowsWhatIsApprovedAndDecidesInOneStep() throws Exception {
    ProcessInstance instance = request("staff1", "PUBLIC_ASSISTANCE");
    String taskId = driver.openTaskId(instance, "ApproveQuery");
    mvc.perform(get("/api/approvals").param("size", "50").with(users.as("super1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.task.id == '" + taskId + "')].context.sections[*].rows[*].value",
            org.hamcrest.Matchers.hasItem("自己負担金免除の判定のため")))
        .andExpect(jsonPath("$.items[?(@.task.id == '" + taskId + "')].refusal").value(org.hamcrest.Matchers.contains((Object) null)));
    mvc.perform(get("/api/approvals").with(users.as("staff1"))).andExpect(status().isForbidden());

    driver.perform("super1", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/approvals/" + taskId),
        Map.of("values", Map.of("decision", "APPROVE"))).andExpect(status().isNoContent());
    assertThat(instance).isWaitingAt("SendQuery");
  }

  /**
   * A page is read in a few queries for all its items (issue 19): each item must still show its own case, its own
   * history and its own four-eyes refusal, and each case viewed is audited once.
   */
  @Test
  void R14_R04_eachItemOfAnApprovalPageShowsItsOwnCaseHistoryAndRefusalAndEveryCaseViewedIsAudited() throws Exception {
    ProcessInstance plain = request("staff1", "LOCAL_TAX");
    ProcessInstance revised = request("staff1", "LOCAL_TAX");
    driver.complete("super1", revised, "ApproveQuery", Map.of("decision", "REJECT", "reason", "目的をより具体的に"));
    driver.complete("staff1", revised, "ReviseQuery", Map.of("decision", "RESUBMIT", "informationItem", "LOCAL_TAX",
        "legalBasis", "ACT19_8_TABLE14", "purpose", "改訂した目的"));
    ProcessInstance own = request("super2", "LOCAL_TAX");
    Map<String, ProcessInstance> byTask = Map.of(driver.openTaskId(plain, "ApproveQuery"), plain,
        driver.openTaskId(revised, "ApproveQuery"), revised, driver.openTaskId(own, "ApproveQuery"), own);
    String caseViews = "select count(*) from audit_event where operation = 'CASE_VIEW' and username = 'super2'"
        + " and detail = ?";
    Map<String, Long> viewsBefore = new HashMap<>();
    byTask.values().forEach(instance -> viewsBefore.put(instance.getBusinessKey(), jdbc.queryForObject(caseViews,
        Long.class, "process=InformationQuery case=" + instance.getBusinessKey())));

    Map<String, JsonNode> items = approvalItems("super2", byTask.keySet());

    assertThat(items).containsOnlyKeys(byTask.keySet());
    items.forEach((taskId, item) -> {
      String queryId = byTask.get(taskId).getBusinessKey();
      assertThat(item.at("/context/title").asText()).startsWith("情報照会 #" + queryId + "（");
      assertThat(headings(item).contains("前回の差戻しからの変更点")).isEqualTo(byTask.get(taskId) == revised);
      assertThat(headings(item).contains("これまでの経過")).isEqualTo(byTask.get(taskId) == revised);
      assertThat(item.path("refusal").isNull() ? null : item.path("refusal").asText()).isEqualTo(
          byTask.get(taskId) == own ? "自分が依頼した案件を自分で承認・確認することはできません（四つの目の原則）" : null);
      assertThat(jdbc.queryForObject(caseViews, Long.class, "process=InformationQuery case=" + queryId))
          .as("CASE_VIEW rows of query " + queryId).isEqualTo(viewsBefore.get(queryId) + 1);
    });
    assertThat(items.values().stream().filter(item -> byTask.get(item.at("/task/id").asText()) == revised)
        .findFirst().orElseThrow().toString()).contains("目的をより具体的に", "改訂した目的");
  }

  /**
   * The approval queue's items of these tasks, read in small pages as the user follows them: every step of every kind
   * comes once, oldest first, across the pages.
   */
  private Map<String, JsonNode> approvalItems(String username, Set<String> taskIds) throws Exception {
    Map<String, JsonNode> found = new HashMap<>();
    List<String> listed = new ArrayList<>();
    List<String> created = new ArrayList<>();
    String cursor = null;
    do {
      var request = get("/api/approvals").param("size", "2").with(users.as(username));
      if (cursor != null) {
        request.param("cursor", cursor);
      }
      JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
          .getContentAsString(StandardCharsets.UTF_8));
      page.path("items").forEach(item -> {
        listed.add(item.at("/task/id").asText());
        created.add(item.at("/task/created").asText());
        if (taskIds.contains(item.at("/task/id").asText())) {
          found.put(item.at("/task/id").asText(), item);
        }
      });
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(created.stream().map(Instant::parse).toList()).isSorted();
    return found;
  }

  private static List<String> headings(JsonNode item) {
    List<String> headings = new ArrayList<>();
    item.at("/context/sections").forEach(section -> headings.add(section.path("heading").asText()));
    return headings;
  }

  @Test
  void R14_aSupervisorsOwnQueryCannotBeApprovedFromTheQueueEither() throws Exception {
    ProcessInstance instance = request("super1", "PUBLIC_ASSISTANCE");
    String taskId = driver.openTaskId(instance, "ApproveQuery");
    driver.perform("super1", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/approvals/" + taskId),
        Map.of("values", Map.of("decision", "APPROVE"))).andExpect(status().isForbidden());
    assertThat(instance).isWaitingAt("ApproveQuery");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void aDecisionWithBadInputChangesNothingNotEvenTheClaim() throws Exception {
    ProcessInstance instance = request("staff1", "PUBLIC_ASSISTANCE");
    String taskId = driver.openTaskId(instance, "ApproveQuery");
    driver.perform("super2", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/approvals/" + taskId),
        Map.of("values", Map.of("decision", "REJECT"))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void staffFollowTheStateOfTheirQueries() throws Exception {
    ProcessInstance instance = request("staff3", "LOCAL_TAX");
    mvc.perform(get("/api/information-queries/mine").with(users.as("staff3"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(Long.parseLong(instance.getBusinessKey())))
        .andExpect(jsonPath("$[0].status").value("上長承認待ち"));
  }

  private Map<String, Object> values(String item, String basis) {
    Map<String, Object> values = new HashMap<>();
    values.put("addresseeNumber", addresseeNumber);
    values.put("informationItem", item);
    values.put("legalBasis", basis);
    values.put("purpose", "自己負担金免除の判定のため");
    return values;
  }

  private ProcessInstance request(String username, String item) throws Exception {
    return driver.start(username, InformationQueries.PROCESS_KEY, values(item, "ACT19_8_TABLE14"));
  }

  private ProcessInstance approvedAndSent(String item) throws Exception {
    ProcessInstance instance = request("staff1", item);
    driver.complete("super1", instance, "ApproveQuery", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("SendQuery");
    execute(job());
    return instance;
  }

  private ProcessInstance approvedAndAnswered(String item) throws Exception {
    ProcessInstance instance = approvedAndSent(item);
    network.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("CheckQueryResult");
    return instance;
  }

  private String queryStatus(ProcessInstance instance) {
    return jdbc.queryForObject("select status from information_query where id = ?", String.class,
        Long.parseLong(instance.getBusinessKey()));
  }
}
