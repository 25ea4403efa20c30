package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Work around the steps: notes on a case (append-only, audited, on the case's timeline), the "completed by me" view,
 * bulk claim and release, bulk approval with a mixed outcome, and notices pushed to the browser as server-sent events.
 */
@IntegrationTest
class CaseWorkApiTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final String PROCESS = "ResidentDataRequest";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessDriver driver;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired Notices notices;

  @Test
  void notesAreAppendOnlyAuditedAndOnTheCasesTimeline() throws Exception {
    ProcessInstance instance = start();
    String caseId = instance.getBusinessKey();
    String notes = "/api/processes/" + PROCESS + "/cases/" + caseId + "/notes";

    driver.perform("staff1", post(notes), Map.of("body", "電話で書類の追加提出を依頼した")).andExpect(status().isCreated())
        .andExpect(jsonPath("$.authorName").value("佐藤 花子（担当）"));
    driver.perform("staff1", post(notes), Map.of("body", "  ")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.body").exists());
    driver.perform("staff1", post(notes), Map.of("body", "あ".repeat(2001))).andExpect(status().isBadRequest());
    driver.perform("staff1", post("/api/processes/" + PROCESS + "/cases/999999999/notes"), Map.of("body", "x"))
        .andExpect(status().isNotFound());
    driver.perform("manager1", post(notes), Map.of("body", "管理者のメモ")).andExpect(status().isForbidden());

    JsonNode listed = read(mvc.perform(get(notes).with(users.as("staff2"))));
    assertThat(listed.findValuesAsText("body")).containsExactly("電話で書類の追加提出を依頼した");
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'CASE_NOTE_ADDED' and username = 'staff1'
          and resident_id = ? and detail like ?""", Long.class, residentOf(instance),
        "process=" + PROCESS + " case=" + caseId + " %")).isEqualTo(1);
    assertThat(jdbc.queryForList("select description from resident_request_event where request_id = ? and kind = 'NOTE'",
        String.class, Long.parseLong(caseId))).containsExactly("メモ: 電話で書類の追加提出を依頼した");
    assertThatThrownBy(() -> jdbc.update("update case_note set body = 'x' where case_id = ?", caseId))
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> jdbc.update("delete from case_note where case_id = ?", caseId))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void theCasesDiagramShowsTheStepWaitedOnAndTheStepsDoneWithWhoAndWhen() throws Exception {
    ProcessInstance instance = start();
    driver.complete("staff2", instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
    String diagram = "/api/processes/" + PROCESS + "/cases/" + instance.getBusinessKey() + "/diagram";

    JsonNode answer = read(mvc.perform(get(diagram).with(users.as("staff1"))));
    assertThat(answer.path("xml").asText()).contains("<bpmn:userTask id=\"DecideRequest\"");
    List<String> current = new java.util.ArrayList<>();
    answer.path("current").forEach(id -> current.add(id.asText()));
    assertThat(current).contains("DecideRequest").doesNotContain("CheckRequesterIdentity");
    JsonNode checked = null;
    for (JsonNode passed : answer.path("passed")) {
      if (passed.path("elementId").asText().equals("CheckRequesterIdentity")) {
        checked = passed;
      }
    }
    assertThat(checked).isNotNull();
    assertThat(checked.path("by").asText()).isEqualTo("鈴木 一郎（担当）");
    assertThat(checked.path("at").asText()).isNotBlank();
    mvc.perform(get(diagram).with(users.as("manager1"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/processes/" + PROCESS + "/cases/0/diagram").with(users.as("staff1")))
        .andExpect(status().isNotFound());
  }

  @Test
  void completedByMeListsTheLast90DaysOfMyStepsOnly() throws Exception {
    ProcessInstance instance = start();
    String task = driver.claim("staff2", instance, "CheckRequesterIdentity");
    driver.completeRequest("staff2", task, Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"))
        .andExpect(status().isNoContent());

    assertThat(ids("staff2", "completed")).contains(task);
    assertThat(ids("staff1", "completed")).doesNotContain(task);
    jdbc.update("update task_view set ended_at = now() - interval '91 days' where id = ?", task);
    assertThat(ids("staff2", "completed")).doesNotContain(task);
  }

  @Test
  void bulkClaimAndReleaseReportEachTask() throws Exception {
    String first = driver.openTaskId(start(), "CheckRequesterIdentity");
    String second = driver.openTaskId(start(), "CheckRequesterIdentity");
    ProcessInstance taken = start();
    String third = driver.claim("staff2", taken, "CheckRequesterIdentity");

    JsonNode claimed = read(driver.perform("staff1", post("/api/tasks/bulk"),
        Map.of("action", "claim", "taskIds", List.of(first, second, third))));
    assertThat(claimed.findValuesAsText("done")).containsExactly("true", "true", "false");
    assertThat(claimed.get(2).path("error").asText()).isEqualTo("already_claimed");
    assertThat(claimed.get(2).path("message").asText()).contains("既に他の職員が担当");

    JsonNode released = read(driver.perform("staff1", post("/api/tasks/bulk"),
        Map.of("action", "release", "taskIds", List.of(first, third))));
    assertThat(released.findValuesAsText("done")).containsExactly("true", "false");
    assertThat(jdbc.queryForList("select assignee from task_view where id in (?, ?, ?) order by created_at",
        String.class, first, second, third)).containsExactly(null, "staff1", "staff2");

    driver.perform("staff1", post("/api/tasks/bulk"), Map.of("action", "delete", "taskIds", List.of(first)))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.action").exists());
    driver.perform("staff1", post("/api/tasks/bulk"), Map.of("action", "claim", "taskIds", List.of()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.taskIds").exists());
  }

  @Test
  void bulkApprovalChecksEachAsIfAloneAndOneRefusalDoesNotStopTheOthers() throws Exception {
    String decidedByStaff = awaitingApproval("staff1");
    String decidedBySupervisor = awaitingApproval("super1");

    JsonNode outcome = read(driver.perform("super1", post("/api/approvals/bulk"),
        Map.of("taskIds", List.of(decidedBySupervisor, decidedByStaff), "values", Map.of("approval", "APPROVE"))));
    assertThat(outcome.get(0).path("done").asBoolean()).isFalse();
    assertThat(outcome.get(0).path("error").asText()).isEqualTo("four_eyes");
    assertThat(outcome.get(1).path("done").asBoolean()).isTrue();
    assertThat(jdbc.queryForObject("select status from task_view where id = ?", String.class, decidedByStaff))
        .isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select status from task_view where id = ?", String.class, decidedBySupervisor))
        .isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where username = 'super1' and operation = 'TASK_REFUSED' and detail like ?""",
        Long.class, "task=ApproveRequestDecision % reason=four-eyes")).isPositive();

    String other = driver.openTaskId(start(), "CheckRequesterIdentity");
    driver.perform("super1", post("/api/approvals/bulk"),
        Map.of("taskIds", List.of(decidedBySupervisor, other), "values", Map.of("approval", "APPROVE")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.taskIds").exists());
    driver.perform("staff1", post("/api/approvals/bulk"),
        Map.of("taskIds", List.of(decidedBySupervisor), "values", Map.of("approval", "APPROVE")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aStreamWhoseBrowserHasGoneIsForgottenAndTheStartThatPushedToItStillAnswers201() throws Exception {
    AtomicInteger events = new AtomicInteger();
    // As Tomcat behaves once the browser has gone: writing fails, and so does completing with the error.
    SseEmitter gone = new SseEmitter() {
      @Override
      public void send(SseEventBuilder event) throws IOException {
        if (events.incrementAndGet() > 1) {
          throw new IOException("Broken pipe");
        }
      }

      @Override
      public void completeWithError(Throwable error) {
        throw new IllegalStateException("the container has seen the error already");
      }
    };
    notices.register(new SignedInUser("staff2", "staff2", Set.of(Role.STAFF), null, Set.of()), gone);

    start();
    start();

    assertThat(events).as("the ready event, the failed push, and nothing after it").hasValue(2);
  }

  @Test
  void openStreamsEndAsTheAppStopsSoThatAGracefulShutdownDoesNotWaitForThem() throws Exception {
    MvcResult stream = mvc.perform(get("/api/tasks/notices/stream").with(users.as("staff1")))
        .andExpect(request().asyncStarted()).andReturn();
    notices.endStreams();
    assertThatCode(() -> stream.getAsyncResult(5_000)).as("the stream has ended").doesNotThrowAnyException();
  }

  @Test
  void aStepGivenToMeAndACaseSentBackToMeArePushedAsServerSentEventsWithoutPersonalData() throws Exception {
    driver.perform("staff2", post("/api/tasks/notices/read"), Map.of()).andExpect(status().isNoContent());
    MvcResult stream = mvc.perform(get("/api/tasks/notices/stream").with(users.as("staff2")))
        .andExpect(request().asyncStarted()).andReturn();
    MockHttpServletResponse events = stream.getResponse();
    assertThat(events.getContentAsString()).contains("event:ready");

    ProcessInstance instance = start();
    String task = driver.openTaskId(instance, "CheckRequesterIdentity");
    driver.perform("super1", post("/api/tasks/" + task + "/assign"), Map.of("assignee", "staff2", "reason", "担当替え"))
        .andExpect(status().isOk());
    assertThat(events.getContentAsString()).contains("event:notice");
    start();

    JsonNode summary = read(mvc.perform(get("/api/tasks/notices").with(users.as("staff2"))));
    JsonNode assigned = summary.path("notices").get(0);
    assertThat(assigned.path("kind").asText()).isEqualTo("ASSIGNED");
    assertThat(assigned.path("taskId").asText()).isEqualTo(task);
    assertThat(assigned.path("message").asText()).isEqualTo("タスク「請求者の本人確認」が割り当てられました");
    assertThat(summary.path("unread").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(summary.path("newWork").asLong()).as("a request started since staff2 looked, still unclaimed").isPositive();

    driver.perform("staff2", post("/api/tasks/notices/read"), Map.of()).andExpect(status().isNoContent());
    JsonNode afterReading = read(mvc.perform(get("/api/tasks/notices").with(users.as("staff2"))));
    assertThat(afterReading.path("notices").get(0).path("read").asBoolean()).isTrue();

    driver.completeRequest("staff2", task, Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"))
        .andExpect(status().isNoContent());
    driver.complete("staff2", instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE", "reason", "開示できる"));
    driver.complete("super1", instance, "ApproveRequestDecision", Map.of("approval", "REJECT", "reason", "再検討"));
    JsonNode sentBack = read(mvc.perform(get("/api/tasks/notices").with(users.as("staff2")))).path("notices").get(0);
    assertThat(sentBack.path("kind").asText()).isEqualTo("SENT_BACK");
    assertThat(sentBack.path("message").asText()).contains("開示・訂正・利用停止の決定（職員）").doesNotContain("カイジ");
    stream.getRequest().getAsyncContext().complete();
  }

  /** One request instead of a claim and a completion: the same rules, both on the audit trail, all or nothing. */
  @Test
  void R14_claimAndCompleteDoesBothInOneRequestUnderTheRulesOfEach() throws Exception {
    ProcessInstance instance = start();
    String check = driver.openTaskId(instance, "CheckRequesterIdentity");
    String path = "/api/tasks/" + check + "/claim-and-complete";

    // Bad values: a clear 400, and nothing happened, not even the claim.
    driver.perform("staff2", post(path), Map.of("values", Map.of("identityDocument", "DRIVERS_LICENSE")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.identityResult").exists());
    assertThat(jdbc.queryForMap("select status, assignee from task_view where id = ?", check))
        .containsEntry("status", "OPEN").containsEntry("assignee", null);

    driver.perform("staff2", post(path), Map.of("values",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"))).andExpect(status().isNoContent());
    assertThat(jdbc.queryForMap("select status, completed_by, assignee from task_view where id = ?", check))
        .containsEntry("status", "COMPLETED").containsEntry("completed_by", "staff2").containsEntry("assignee", "staff2");
    assertThat(jdbc.queryForObject("select claimed_at = ended_at from task_view where id = ?", Boolean.class, check))
        .as("claimed with the completion").isTrue();
    // The engine's own history keeps the claim: the holder's identity link, added once.
    assertThat(jdbc.queryForList("""
        select operation_type_ from act_hi_identitylink where task_id_ = ? and type_ = 'assignee' and user_id_ = ?""",
        String.class, check, "staff2")).containsExactly("add");
    assertThat(jdbc.queryForList("""
        select operation from audit_event where username = 'staff2' and detail = ? order by id""", String.class,
        "task=CheckRequesterIdentity process=" + PROCESS + " case=" + instance.getBusinessKey()))
        .containsExactly("TASK_CLAIM", "TASK_COMPLETE");
    driver.perform("staff2", post(path), Map.of("values", Map.of())).andExpect(status().isNotFound());

    // A step someone else holds stays theirs: 409, as a claim would get.
    String decide = driver.claim("staff1", instance, "DecideRequest");
    driver.perform("staff2", post("/api/tasks/" + decide + "/claim-and-complete"),
            Map.of("values", Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_claimed"));
    assertThat(jdbc.queryForMap("select status, assignee from task_view where id = ?", decide))
        .containsEntry("status", "OPEN").containsEntry("assignee", "staff1");

    // Four-eyes: whoever worked on the case may not approve it, claimed in the same request or not.
    String approval = awaitingApproval("super1");
    driver.perform("super1", post("/api/tasks/" + approval + "/claim-and-complete"),
            Map.of("values", Map.of("approval", "APPROVE")))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(jdbc.queryForMap("select status, assignee from task_view where id = ?", approval))
        .containsEntry("status", "OPEN").containsEntry("assignee", null);
  }

  /** R28's approval names its field {@code approval}: it is in the queue all the same and decided as the queue does. */
  @Test
  void theR28ApprovalWaitsInTheApprovalQueueAndIsDecidedThere() throws Exception {
    String waiting = awaitingApproval("staff1");
    boolean queued = false;
    String cursor = null;
    do {
      var request = get("/api/approvals").param("size", "50").with(users.as("super1"));
      JsonNode page = read(mvc.perform(cursor == null ? request : request.param("cursor", cursor)));
      queued = page.path("items").findValuesAsText("id").contains(waiting);
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
    } while (!queued && cursor != null);
    assertThat(queued).as("R28 approval in 承認待ち").isTrue();

    driver.perform("super1", post("/api/approvals/" + waiting), Map.of("values", Map.of("decision", "APPROVE")))
        .andExpect(status().isNoContent());
    assertThat(jdbc.queryForObject("select status from task_view where id = ?", String.class, waiting))
        .isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select submission ->> 'approval' from task_view where id = ?", String.class,
        waiting)).isEqualTo("APPROVE");
  }

  private String awaitingApproval(String decider) throws Exception {
    ProcessInstance instance = start();
    driver.complete(decider, instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
    driver.complete(decider, instance, "DecideRequest", Map.of("decision", "FULL_DISCLOSURE", "reason", "全部開示できる"));
    return driver.openTaskId(instance, "ApproveRequestDecision");
  }

  private List<String> ids(String username, String view) throws Exception {
    return read(mvc.perform(get("/api/tasks").param("view", view).param("size", "200").with(users.as(username))))
        .path("items").findValuesAsText("id");
  }

  private long residentOf(ProcessInstance instance) {
    return jdbc.queryForObject("select resident_id from task_view where process_instance_id = ? limit 1", Long.class,
        instance.getId());
  }

  private JsonNode read(ResultActions actions) throws Exception {
    return json.readTree(actions.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString());
  }

  private ProcessInstance start() throws Exception {
    ResidentFixtures residents = new ResidentFixtures(context);
    long resident = residents.insert(new ResidentFixtures.Person("業務", "次郎", "ギョウム", "ジロウ",
        LocalDate.of(2017, 7, 7), Sex.MALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
    return driver.start("staff1", PROCESS, Map.of("kind", "DISCLOSURE", "addresseeNumber",
        residents.addresseeNumber(resident), "requesterType", "SELF", "requesterName", "本人（テスト）",
        "requesterRelation", "本人", "requestText", "接種記録の開示（テスト）", "receivedOn",
        LocalDate.now(JAPAN).toString()));
  }
}
