package jp.lg.immunization.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every path of a resident's request (開示・訂正・利用停止請求, R28), driven through the app's API as staff and supervisors
 * would, with the engine's state checked by camunda-bpm-assert and the deadline timers fired on the engine's clock.
 */
@IntegrationTest
class ResidentDataRequestProcessTest {

  /** A supervisor who has not worked on the requests of these tests: the second person an extension needs. */
  private static final String SECOND_PERSON = "super2";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private RequestFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new RequestFixtures(driver, context);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void R28_aDisclosureRequestRecordsRequesterAndIdentityCheckAndIsDecidedApprovedAndNotifiedWithinThirtyDays()
      throws Exception {
    LocalDate receivedOn = RequestFixtures.today().minusDays(3);
    ProcessInstance instance = driver.start("staff1", RequestFixtures.PROCESS,
        fixtures.intake("DISCLOSURE", fixtures.addresseeNumber(fixtures.residentId()), receivedOn));
    assertThat(instance).isWaitingAt("CheckRequesterIdentity");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("DESIGN rule 3: ids, codes and dates only").containsOnlyKeys("residentId", "requestKind", "startedBy",
            "reminderAt", "overdueAt", "dueAt", "deadlineExtended");
    assertThat(fixtures.request(instance)).containsEntry("kind", "DISCLOSURE").containsEntry("status", "IDENTITY_CHECK")
        .containsEntry("requester_type", "LEGAL_REPRESENTATIVE").containsEntry("requester_relation", "親権者（母）")
        .containsEntry("received_by", "staff1");
    assertThat(fixtures.dueOn(instance)).as("30 days, the day of receipt not counted").isEqualTo(receivedOn.plusDays(30));

    driver.complete("staff2", instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "MY_NUMBER_CARD", "identityResult", "CONFIRMED"));
    assertThat(instance).hasPassed("CollectRequestedData").isWaitingAt("DecideRequest", "DeadlinePassed");
    assertThat(fixtures.request(instance)).containsEntry("identity_document", "MY_NUMBER_CARD")
        .containsEntry("identity_result", "CONFIRMED").containsEntry("identity_checked_by", "staff2")
        .containsEntry("status", "DECIDING");
    assertThat(jdbc.queryForObject("select count(*) from resident_request_package where request_id = ?", Long.class,
        fixtures.id(instance))).isOne();
    Job overdue = job("DeadlinePassed", instance);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(fixtures.dueOn(instance).plusDays(1).atStartOfDay(JAPAN).toInstant()));

    driver.complete("staff1", instance, "DecideRequest", Map.of("decision", "PARTIAL_DISCLOSURE",
        "reason", "第三者の情報を含む部分を除いて開示する（法第78条第1項第2号）"));
    assertThat(instance).isWaitingAt("ApproveRequestDecision");
    driver.complete("super1", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).hasPassed("DecisionMade", "PrepareDecisionNotice").hasNotPassed("RecordCorrection")
        .isWaitingAt("RecordNoticeSent");
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).count())
        .as("the deadline timers end with the approved decision").isZero();
    Map<String, Object> request = fixtures.request(instance);
    assertThat(request).containsEntry("decision", "PARTIAL_DISCLOSURE").containsEntry("decided_by", "staff1")
        .containsEntry("approved_by", "super1").containsEntry("status", "NOTIFYING");
    assertThat(request.get("notice_text").toString()).startsWith("保有個人情報の一部を開示する旨の決定通知書")
        .contains("開示 花子（テスト） 様", "個人情報の保護に関する法律第82条", "決定: 一部開示", "審査請求");

    driver.complete("staff1", instance, "RecordNoticeSent",
        Map.of("noticeSentOn", RequestFixtures.today().toString(), "delivery", "MAIL"));
    assertThat(instance).isEnded().hasPassed("RequestClosed");
    assertThat(fixtures.request(instance)).containsEntry("status", "CLOSED");
    mvc.perform(get("/api/resident-requests/" + fixtures.id(instance)).with(users.as("staff2")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.identityCheckedBy").value(containsString("鈴木")))
        .andExpect(jsonPath("$.timeline[*].description",
            org.hamcrest.Matchers.hasItem(containsString("決定通知書を郵送"))));
  }

  @Test
  void R28_aRequesterWhoseIdentityCannotBeConfirmedHasTheRequestReturnedAndNothingCollected() throws Exception {
    ProcessInstance instance = fixtures.start("CORRECTION");
    String task = driver.claim("staff1", instance, "CheckRequesterIdentity");
    driver.completeRequest("staff1", task, Map.of("identityDocument", "OTHER", "identityResult", "FAILED"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.identityNote").exists());
    driver.completeRequest("staff1", task, Map.of("identityDocument", "OTHER", "identityResult", "FAILED",
        "identityNote", "持参した書類では代理権を確認できない")).andExpect(status().isNoContent());
    assertThat(instance).isEnded().hasPassed("RequestReturned").hasNotPassed("CollectRequestedData", "DecideRequest");
    assertThat(fixtures.request(instance)).containsEntry("status", "RETURNED").containsEntry("identity_result", "FAILED")
        .containsEntry("identity_checked_by", "staff1");
    assertThat(jdbc.queryForObject("select count(*) from resident_request_package where request_id = ?", Long.class,
        fixtures.id(instance))).isZero();
  }

  @Test
  void R28_aCorrectionDecidedToCorrectRecordsBeforeAndAfterAndWhoBeforeTheNotice() throws Exception {
    ProcessInstance instance = fixtures.confirmed("CORRECTION");
    String decide = driver.claim("staff1", instance, "DecideRequest");
    driver.completeRequest("staff1", decide, Map.of("decision", "FULL_DISCLOSURE", "reason", "テスト"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.decision").value(containsString("訂正する・訂正しない")));
    assertThat(instance).as("a decision that does not fit the request changes nothing").isWaitingAt("DecideRequest");
    driver.completeRequest("staff1", decide, Map.of("decision", "CORRECT", "reason", "接種日の誤記を確認した"))
        .andExpect(status().isNoContent());
    driver.complete("super2", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).isWaitingAt("RecordCorrection");
    assertThat(fixtures.request(instance)).containsEntry("status", "CORRECTING");
    driver.complete("staff2", instance, "RecordCorrection", Map.of("item", "接種記録の接種年月日",
        "beforeText", "令和4年5月10日", "afterText", "令和4年5月11日"));
    assertThat(instance).hasPassed("PrepareDecisionNotice").isWaitingAt("RecordNoticeSent");
    assertThat(jdbc.queryForMap("select * from resident_request_correction where request_id = ?", fixtures.id(instance)))
        .containsEntry("before_text", "令和4年5月10日").containsEntry("after_text", "令和4年5月11日")
        .containsEntry("corrected_by", "staff2");
    assertThat(fixtures.request(instance).get("notice_text").toString()).startsWith("保有個人情報の訂正をする旨の決定通知書")
        .contains("第93条", "訂正した事項: 接種記録の接種年月日（訂正前: 令和4年5月10日 → 訂正後: 令和4年5月11日）")
        .doesNotContain("審査請求");
  }

  @Test
  void R28_aSuspensionRequestDecidedNotToSuspendIsNotifiedWithTheWayToAppeal() throws Exception {
    ProcessInstance instance = fixtures.confirmed("SUSPENSION");
    driver.complete("staff1", instance, "DecideRequest", Map.of("decision", "NOT_SUSPEND",
        "reason", "法令に基づく事務のために利用しており、違反はない"));
    driver.complete("super1", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).hasNotPassed("RecordCorrection").isWaitingAt("RecordNoticeSent");
    assertThat(fixtures.request(instance).get("notice_text").toString())
        .startsWith("保有個人情報の利用停止をしない旨の決定通知書").contains("第101条", "審査請求");
  }

  @Test
  void R28_theApproverIsNeverTheDeciderAndASentBackDecisionIsMadeAgain() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    driver.complete("super1", instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる"));
    String approval = driver.openTaskId(instance, "ApproveRequestDecision");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.claim("super2", instance, "ApproveRequestDecision");
    driver.completeRequest("super2", approval, Map.of("approval", "REJECT")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("super2", approval, Map.of("approval", "REJECT", "reason", "理由の記載が足りない"))
        .andExpect(status().isNoContent());
    assertThat(instance).isWaitingAt("DecideRequest", "DeadlinePassed");
    assertThat(fixtures.request(instance)).containsEntry("decision", null).containsEntry("status", "DECIDING");

    driver.complete("staff2", instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE",
        "reason", "請求された保有個人情報に不開示情報は含まれない"));
    // A supervisor who decided in this case once approves none of its decisions.
    String again = driver.openTaskId(instance, "ApproveRequestDecision");
    mvc.perform(post("/api/tasks/" + again + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden());
    driver.complete("super2", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).isWaitingAt("RecordNoticeSent");
    assertThat(fixtures.request(instance)).containsEntry("decided_by", "staff2").containsEntry("approved_by", "super2");
    assertThat(jdbc.queryForList("select description from resident_request_event where request_id = ? order by id",
        String.class, fixtures.id(instance))).anySatisfy(line -> assertThat(line).startsWith("上長が決定（全部開示）を差し戻し"));
  }

  @Test
  void R28_aFollowUpTaskAppearsInTheTaskListBeforeTheDeadlineOnTheEngineClock() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    Job reminder = job("DeadlineApproaching", instance);
    LocalDate dueOn = fixtures.dueOn(instance);
    assertThat(reminder.getDuedate()).as("five days before the due date by default")
        .isEqualTo(Date.from(dueOn.minusDays(5).atStartOfDay(JAPAN).toInstant()));
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count()).isZero();
    ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plusSeconds(60)));
    execute(job("DeadlineApproaching", instance));
    assertThat(instance).isWaitingAt("DecideRequest", "DeadlinePassed", "FollowUpDeadline");
    String followUp = driver.openTaskId(instance, "FollowUpDeadline");
    assertThat(jdbc.queryForMap("select status, candidate_groups::text as groups, due_at from task_view where id = ?",
        followUp)).as("in the staff's task list, with the request's due date").containsEntry("status", "OPEN")
        .containsEntry("groups", "{staff}").extractingByKey("due_at").isNotNull();
    driver.complete("staff2", instance, "FollowUpDeadline", Map.of("note", "期限内に決定する"));
    assertThat(instance).hasPassed("DeadlineFollowedUp").isWaitingAt("DecideRequest", "DeadlinePassed");
  }

  @Test
  void R28_anUndecidedRequestPastItsDeadlineIsMarkedOverdueForTheSupervisorAndCanNoLongerBeExtended() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    Job overdue = job("DeadlinePassed", instance);
    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(60)));
    execute(job("DeadlineApproaching", instance));
    execute(job("DeadlinePassed", instance));
    assertThat(instance).hasPassed("MarkRequestOverdue").isWaitingAt("DecideRequest", "FollowUpOverdueRequest");
    assertThat(fixtures.request(instance)).containsEntry("overdue", true);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("FollowUpOverdueRequest").taskCandidateGroup("supervisor").count()).isOne();
    mvc.perform(get("/api/resident-requests").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + fixtures.id(instance) + ")].overdue").value(true));
    extend(instance, "調査に時間を要するため", RequestFixtures.today())
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("deadline_passed"));

    driver.complete("super2", instance, "FollowUpOverdueRequest", Map.of("note", "担当の不在で遅延。至急決定する"));
    assertThat(instance).hasPassed("OverdueFollowedUp", "WatchEnded").isWaitingAt("DecideRequest");
    driver.complete("staff1", instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる"));
    driver.complete("super1", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).isWaitingAt("RecordNoticeSent");
    mvc.perform(get("/api/resident-requests").with(users.as("staff1")))
        .andExpect(jsonPath("$[?(@.id == " + fixtures.id(instance) + ")].overdue").value(false));
  }

  @Test
  void R28_theDeadlineIsExtendedOnceByThirtyDaysOnlyWithARecordedNoticeAndTheTimersFollow() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    LocalDate dueOn = fixtures.dueOn(instance);
    Map<String, Object> before = fixtures.request(instance);

    extend(instance, "調査に時間を要するため", null).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("延長の通知")))
        .andExpect(jsonPath("$.fields.noticeSentOn").value(containsString("送付した日")));
    extend(instance, " ", RequestFixtures.today()).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    assertThat(fixtures.request(instance)).as("nothing changed").isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from resident_request_extension where request_id = ?", Long.class,
        fixtures.id(instance))).isZero();
    assertThat(job("DeadlinePassed", instance).getDuedate())
        .isEqualTo(Date.from(dueOn.plusDays(1).atStartOfDay(JAPAN).toInstant()));
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(ResidentRequests.EXTENSION_MESSAGE)
        .processInstanceBusinessKey(instance.getBusinessKey()).correlate())
        .as("the process refuses an extension whose notice is not recorded").hasMessageContaining("延長の通知");
    assertThat(fixtures.dueOn(instance)).isEqualTo(dueOn);

    extend(instance, "調査に時間を要するため", RequestFixtures.today()).andExpect(status().isNoContent());
    LocalDate extended = dueOn.plusDays(30);
    assertThat(fixtures.dueOn(instance)).isEqualTo(extended);
    assertThat(instance).hasPassed("ExtendDeadline").isWaitingAt("DecideRequest", "DeadlinePassed");
    assertThat(job("DeadlinePassed", instance).getDuedate())
        .isEqualTo(Date.from(extended.plusDays(1).atStartOfDay(JAPAN).toInstant()));
    assertThat(job("DeadlineApproaching", instance).getDuedate())
        .isEqualTo(Date.from(extended.minusDays(5).atStartOfDay(JAPAN).toInstant()));
    assertThat(jdbc.queryForMap("select * from resident_request_extension where request_id = ?", fixtures.id(instance)))
        .containsEntry("reason", "調査に時間を要するため").containsEntry("recorded_by", SECOND_PERSON);

    Map<String, Object> afterFirst = fixtures.request(instance);
    extend(instance, "さらに時間を要するため", RequestFixtures.today()).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("already_extended"))
        .andExpect(jsonPath("$.message").value(containsString("1回だけ")));
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(ResidentRequests.EXTENSION_MESSAGE)
        .processInstanceBusinessKey(instance.getBusinessKey()).correlate())
        .as("the process refuses a second extension").hasMessageContaining("1回だけ");
    assertThat(fixtures.request(instance)).as("nothing changed").isEqualTo(afterFirst);
    mvc.perform(get("/api/resident-requests").with(users.as("staff1")))
        .andExpect(jsonPath("$[?(@.id == " + fixtures.id(instance) + ")].extended").value(true));
  }

  /**
   * R28: the open decision is due by the request's deadline when its SLA target is later, and the extension moves it
   * with the deadline, also for a step already open (the task list's 期限 column and overdue marks follow).
   */
  @Test
  void R28_theExtensionMovesTheDueDateOfTheOpenDecisionWithTheDeadline() throws Exception {
    extendWhileOpen("DecideRequest", instance -> { });
  }

  /**
   * R28: the reminder step 「期限が近い請求の確認」 is dated by the request's deadline in the BPMN (${dueAt}); open when
   * the deadline is extended, it follows the new one rather than keeping the old date.
   */
  @Test
  void R28_anOpenDeadlineFollowUpIsDueByTheExtendedDeadline() throws Exception {
    extendWhileOpen("FollowUpDeadline", instance -> {
      Job reminder = job("DeadlineApproaching", instance);
      ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plusSeconds(60)));
      execute(reminder);
    });
  }

  /** With `step` open (after `open`) and its SLA target later than the deadline, the extension moves its due date. */
  private void extendWhileOpen(String step, Consumer<ProcessInstance> open) throws Exception {
    try {
      setTarget(step, 200);
      ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
      LocalDate dueOn = fixtures.dueOn(instance);
      open.accept(instance);
      String task = driver.openTaskId(instance, step);
      assertThat(due(task)).isEqualTo(endOf(dueOn));
      extend(instance, "調査に時間を要するため", RequestFixtures.today()).andExpect(status().isNoContent());
      assertThat(driver.openTaskId(instance, step)).as("the same step, still open").isEqualTo(task);
      assertThat(due(task)).isEqualTo(endOf(dueOn.plusDays(30)));
    } finally {
      setTarget(step, null);
    }
  }

  private Instant due(String taskId) {
    return jdbc.queryForObject("select due_at from task_view where id = ?", Timestamp.class, taskId).toInstant();
  }

  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(JAPAN).minusMinutes(1).toInstant();
  }

  private void setTarget(String step, Integer businessDays) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("scope", "TASK", "key", step));
    body.put("businessDays", businessDays);
    driver.perform("manager1", put("/api/kpi/sla"), body).andExpect(status().isOk());
  }

  /**
   * R28 (issue 15): moving the legal deadline needs a second person, a supervisor who has not worked on the request;
   * whoever extended it has changed the case and may not approve its decision.
   */
  @Test
  void R28_anExtensionNeedsASupervisorUninvolvedInTheRequestWhoThenCannotApproveIt() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    LocalDate dueOn = fixtures.dueOn(instance);
    for (String refused : List.of("staff1", "staff2")) {
      driver.perform(refused, post("/api/resident-requests/" + fixtures.id(instance) + "/extension"),
              Map.of("version", fixtures.request(instance).get("version"), "reason", "調査に時間を要するため",
                  "noticeSentOn", RequestFixtures.today().toString()))
          .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    }
    assertThat(fixtures.dueOn(instance)).isEqualTo(dueOn);
    extend(instance, "調査に時間を要するため", RequestFixtures.today()).andExpect(status().isNoContent());
    decidedThenApprovedByAnotherThan(SECOND_PERSON, instance);
  }

  /** staff1 decides; {@code refused} may not take the approval (four eyes); super1 approves. */
  private void decidedThenApprovedByAnotherThan(String refused, ProcessInstance instance) throws Exception {
    driver.complete("staff1", instance, "DecideRequest", Map.of("decision", "PARTIAL_DISCLOSURE",
        "reason", "第三者の情報を含む部分を除いて開示する（法第78条第1項第2号）"));
    mvc.perform(post("/api/tasks/" + driver.openTaskId(instance, "ApproveRequestDecision") + "/claim")
            .with(users.as(refused)).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super1", instance, "ApproveRequestDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).hasPassed("DecisionMade");
  }

  /** R14: a supervisor may take in a request (supervisors are staff too), but then not approve its decision. */
  @Test
  void R14_theSupervisorWhoStartedARequestMayNotApproveItsDecision() throws Exception {
    ProcessInstance instance = driver.start(SECOND_PERSON, RequestFixtures.PROCESS,
        fixtures.intake("DISCLOSURE", fixtures.addresseeNumber(fixtures.residentId()), RequestFixtures.today()));
    fixtures.confirm(instance);
    decidedThenApprovedByAnotherThan(SECOND_PERSON, instance);
  }

  /** R28: a supervisor who did one of the request's steps is involved too, and the refusal is on the audit trail. */
  @Test
  void R28_aSupervisorWhoDidAStepOfTheRequestMayNotExtendIt() throws Exception {
    ProcessInstance instance = fixtures.start("DISCLOSURE");
    driver.complete(SECOND_PERSON, instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
    LocalDate dueOn = fixtures.dueOn(instance);
    extend(instance, "調査に時間を要するため", RequestFixtures.today())
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(fixtures.dueOn(instance)).isEqualTo(dueOn);
    assertThat(jdbc.queryForList("select detail from audit_event where username = ? and operation = 'TASK_REFUSED'"
        + " order by id desc limit 1", String.class, SECOND_PERSON))
        .containsExactly("process=ResidentDataRequest case=" + fixtures.id(instance) + " action=extend reason=four-eyes");
  }

  @Test
  void R28_anExtensionOnAStaleViewIsRefused() throws Exception {
    ProcessInstance instance = fixtures.confirmed("DISCLOSURE");
    int stale = (Integer) fixtures.request(instance).get("version") - 1;
    driver.perform("staff1", post("/api/resident-requests/" + fixtures.id(instance) + "/extension"),
            Map.of("version", stale, "reason", "調査に時間を要するため", "noticeSentOn", RequestFixtures.today().toString()))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("concurrent_edit"));
    assertThat(fixtures.dueOn(instance)).isEqualTo(RequestFixtures.today().plusDays(30));
  }

  private ResultActions extend(ProcessInstance instance, String reason, LocalDate noticeSentOn) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("version", fixtures.request(instance).get("version"));
    body.put("reason", reason);
    body.put("noticeSentOn", noticeSentOn == null ? null : noticeSentOn.toString());
    return driver.perform(SECOND_PERSON, post("/api/resident-requests/" + fixtures.id(instance) + "/extension"), body);
  }
}
