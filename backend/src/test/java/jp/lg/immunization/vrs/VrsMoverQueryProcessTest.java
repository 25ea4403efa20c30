package jp.lg.immunization.vrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of 転入者の接種記録照会 (R30, R31), driven through the app's API as staff and supervisors would, with the
 * engine's state checked by camunda-bpm-assert: records found and checked; rejected; no one found, then the code
 * corrected, approved again and found; no one found and closed. The VRS simulator's world puts each test resident's
 * former records in 千代田区 (131016) only.
 */
@IntegrationTest
class VrsMoverQueryProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired VrsSimulator vrs;
  @Autowired MoverQueries queries;
  @Autowired MoverQueryAnswers answers;

  private VrsFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new VrsFixtures(driver, context);
    vrs.reset();
  }

  @AfterEach
  void tearDown() {
    vrs.reset();
  }

  @Test
  void R30_R31_anApprovedQuerySendsTheMyNumberWithTheFormerCodeAndStaffCheckTheRecordsItBringsBack() throws Exception {
    long residentId = fixtures.resident();
    ProcessInstance instance = fixtures.start(residentId, VrsFixtures.FORMER_CODE);

    assertThat(instance).isWaitingAt("ApproveVrsMoverQuery");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("DESIGN rule 3: ids only in the engine").containsOnlyKeys("residentId", "startedBy");
    assertThat(jdbc.queryForList("select kind || ':' || document || ':' || recorded_by from vrs_mover_consent"
        + " where query_id = ? order by kind", String.class, Long.parseLong(instance.getBusinessKey())))
        .containsExactly("CONSENT:TICKET_APPLICATION:staff1", "IDENTITY:MY_NUMBER_CARD:staff1");

    driver.complete("super1", instance, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    assertThat(instance).isWaitingAt("SendVrsMoverQuery");
    assertThat(vrs.receivedQueries()).as("nothing leaves before the job sends it").isEmpty();
    execute(job("SendVrsMoverQuery", instance));

    assertThat(instance).isWaitingAt("AwaitVrsMoverAnswer");
    String myNumber = VrsFixtures.myNumberOf(residentId).digits();
    assertThat(vrs.receivedQueries()).containsExactly(new MoverQueryMessages.Message(myNumber, VrsFixtures.FORMER_CODE));
    assertThat(jdbc.queryForObject("select string_agg(arguments::text, ' ') from outbound_call where system = 'vrs'"
        + " and request_id = ?", String.class, "vrs-mover-" + instance.getBusinessKey() + "-1"))
        .as("DESIGN rule 7: the outbox keeps no 個人番号").doesNotContain(myNumber).contains(VrsFixtures.FORMER_CODE);
    assertThat(fixtures.query(instance)).containsEntry("status", "SENT");

    vrs.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("CheckVrsMoverRecords");
    assertThat(jdbc.queryForList("select municipality_code from vrs_mover_record where query_id = ?", String.class,
        Long.parseLong(instance.getBusinessKey()))).isNotEmpty().containsOnly(VrsFixtures.FORMER_CODE);
    String check = driver.claim("staff2", instance, "CheckVrsMoverRecords");
    driver.completeRequest("staff2", check, Map.of("recordsConfirmed", false)).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.recordsConfirmed").exists());
    driver.completeRequest("staff2", check, Map.of("recordsConfirmed", true, "note", "接種済証と一致"))
        .andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("MoverRecordsKept");
    assertThat(fixtures.query(instance)).containsEntry("status", "RECORDED").containsEntry("approved_by", "super1")
        .containsEntry("checked_by", "staff2").containsEntry("outcome", "FOUND");
    mvc.perform(get("/api/vrs/mover-queries/" + instance.getBusinessKey()).with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.records[0].municipalityCode").value(VrsFixtures.FORMER_CODE))
        .andExpect(jsonPath("$.confirmations.length()").value(2))
        .andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.hasItems("REQUESTED", "APPROVED",
            "ANSWERED", "CHECKED")));
  }

  @Test
  void R30_withoutTheConsentOrTheIdentityCheckTheQueryIsNotEvenRecorded() throws Exception {
    long residentId = fixtures.resident();
    long before = jdbc.queryForObject("select count(*) from vrs_mover_query", Long.class);
    for (List<String> missing : List.of(List.of("consentDocument", "consentGivenOn"),
        List.of("identityDocument", "identityCheckedOn"))) {
      Map<String, Object> request = fixtures.request(residentId, VrsFixtures.FORMER_CODE);
      missing.forEach(request::remove);
      driver.startRequest("staff1", VrsFixtures.MOVER_PROCESS, request).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.fields." + missing.get(0)).exists());
    }
    Map<String, Object> future = fixtures.request(residentId, VrsFixtures.FORMER_CODE);
    future.put("identityCheckedOn", VrsFixtures.today().plusDays(1).toString());
    driver.startRequest("staff1", VrsFixtures.MOVER_PROCESS, future).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.identityCheckedOn").exists());
    assertThat(jdbc.queryForObject("select count(*) from vrs_mover_query", Long.class)).isEqualTo(before);
  }

  @Test
  void R30_theDatabaseRefusesToMarkAQuerySentWithoutBothTheConsentAndTheIdentityCheckAndNothingGoesToVrs() {
    long residentId = fixtures.resident();
    long query = jdbc.queryForObject("""
        insert into vrs_mover_query (resident_id, former_municipality_code, status, requested_by, requested_at,
                                     approved_by, approved_at)
        values (?, ?, 'SENT', 'staff1', now(), 'super1', now()) returning id""", Long.class, residentId,
        VrsFixtures.FORMER_CODE);
    SendMoverQuery send = context.getBean(SendMoverQuery.class);
    org.camunda.bpm.engine.delegate.DelegateExecution execution = org.mockito.Mockito.mock(
        org.camunda.bpm.engine.delegate.DelegateExecution.class);
    org.mockito.Mockito.when(execution.getProcessBusinessKey()).thenReturn(String.valueOf(query));

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> send.execute(execution)))
        .hasMessageContaining("R30");
    jdbc.update("""
        insert into vrs_mover_consent (query_id, kind, document, confirmed_on, recorded_by, recorded_at)
        values (?, 'CONSENT', 'TICKET_APPLICATION', current_date, 'staff1', now())""", query);
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> send.execute(execution)))
        .as("consent alone is not enough").hasMessageContaining("R30");
    assertThat(vrs.receivedQueries()).isEmpty();
    assertThat(jdbc.queryForObject("select sent_at from vrs_mover_query where id = ?", Object.class, query)).isNull();
    assertThatThrownBy(() -> jdbc.update("update vrs_mover_consent set document = 'X' where query_id = ?", query))
        .as("the consent stays as recorded: the app's role may not change it (V73)")
        .hasStackTraceContaining("permission denied");

    jdbc.update("""
        insert into vrs_mover_consent (query_id, kind, document, confirmed_on, recorded_by, recorded_at)
        values (?, 'IDENTITY', 'PASSPORT', current_date, 'staff1', now())""", query);
    transactions.executeWithoutResult(status -> send.execute(execution));
    assertThat(vrs.receivedQueries()).hasSize(1);
  }

  @Test
  void R30_aQueryIsNeverMarkedSentBeforeASupervisorApproves() {
    long residentId = fixtures.resident();
    long query = jdbc.queryForObject("""
        insert into vrs_mover_query (resident_id, former_municipality_code, status, requested_by, requested_at)
        values (?, ?, 'AWAITING_APPROVAL', 'staff1', now()) returning id""", Long.class, residentId,
        VrsFixtures.FORMER_CODE);
    jdbc.update("""
        insert into vrs_mover_consent (query_id, kind, document, confirmed_on, recorded_by, recorded_at)
        values (?, 'CONSENT', 'TICKET_APPLICATION', current_date, 'staff1', now()),
               (?, 'IDENTITY', 'PASSPORT', current_date, 'staff1', now())""", query, query);
    assertThatThrownBy(() -> jdbc.update("update vrs_mover_query set sent_at = now() where id = ?", query))
        .hasMessageContaining("R30");
    assertThatThrownBy(() -> jdbc.update("update vrs_mover_query set approved_by = 'staff1' where id = ?", query))
        .as("four-eyes in the database").hasMessageContaining("vrs_mover_query_four_eyes");
  }

  @Test
  void R31_aWrongFormerCodeFindsNoOneTheScreenSaysOnlyThatAndACorrectedCodeIsApprovedAgainAndFinds() throws Exception {
    long residentId = fixtures.resident();
    ProcessInstance instance = fixtures.start(residentId, VrsFixtures.WRONG_CODE);
    driver.complete("super1", instance, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    execute(job("SendVrsMoverQuery", instance));
    vrs.deliverPendingAnswers();

    assertThat(instance).isWaitingAt("ReviewVrsMoverNoMatch");
    long id = Long.parseLong(instance.getBusinessKey());
    assertThat(fixtures.query(instance)).containsEntry("status", "NO_MATCH").containsEntry("outcome", "NOT_FOUND");
    assertThat(jdbc.queryForObject("select count(*) from vrs_mover_record where query_id = ?", Long.class, id))
        .isZero();
    String detail = mvc.perform(get("/api/vrs/mover-queries/" + id).with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(detail).contains("接種記録がありません").contains(VrsFixtures.WRONG_CODE)
        .as("nothing about where the person is known").doesNotContain(VrsFixtures.FORMER_CODE).doesNotContain("千代田");
    String context = mvc.perform(get("/api/tasks/" + driver.openTaskId(instance, "ReviewVrsMoverNoMatch"))
        .with(users.as("staff1"))).andReturn().getResponse().getContentAsString();
    assertThat(context).doesNotContain(VrsFixtures.FORMER_CODE);

    String review = driver.claim("super2", instance, "ReviewVrsMoverNoMatch");
    driver.completeRequest("super2", review, Map.of("noMatchAction", "RETRY", "formerMunicipalityCode", "131017"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.formerMunicipalityCode").exists());
    driver.completeRequest("super2", review, Map.of("noMatchAction", "RETRY",
        "formerMunicipalityCode", VrsFixtures.FORMER_CODE)).andExpect(status().isNoContent());

    assertThat(instance).isWaitingAt("ApproveVrsMoverQuery");
    mvc.perform(post("/api/tasks/" + driver.openTaskId(instance, "ApproveVrsMoverQuery") + "/claim")
        .with(users.as("super2")).with(csrf())).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super1", instance, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    execute(job("SendVrsMoverQuery", instance));
    answers.accept("vrs-mover-" + id + "-1", new VrsPort.MoverAnswer(VrsPort.Outcome.NOT_FOUND, List.of()));
    assertThat(instance).as("a late answer to the first attempt changes nothing").isWaitingAt("AwaitVrsMoverAnswer");
    vrs.deliverPendingAnswers();

    assertThat(instance).isWaitingAt("CheckVrsMoverRecords");
    String myNumber = VrsFixtures.myNumberOf(residentId).digits();
    assertThat(vrs.receivedQueries()).containsExactly(new MoverQueryMessages.Message(myNumber, VrsFixtures.WRONG_CODE),
        new MoverQueryMessages.Message(myNumber, VrsFixtures.FORMER_CODE));
    assertThat(fixtures.query(instance)).containsEntry("attempt", 2).containsEntry("revised_by", "super2")
        .containsEntry("approved_by", "super1");
  }

  @Test
  void R31_aCodeWithAWrongCheckDigitOrTheCitysOwnCodeIsRefusedAtTheCounter() throws Exception {
    long residentId = fixtures.resident();
    for (String code : List.of("131017", "112020", "13101")) {
      driver.startRequest("staff1", VrsFixtures.MOVER_PROCESS, fixtures.request(residentId, code))
          .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.formerMunicipalityCode").exists());
    }
    long withoutNumber = fixtures.residentWithoutMyNumber();
    driver.startRequest("staff1", VrsFixtures.MOVER_PROCESS, fixtures.request(withoutNumber, VrsFixtures.FORMER_CODE))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.addresseeNumber").exists());
  }

  @Test
  void aRejectedQueryNeedsTheReasonAndSendsNothing() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.resident(), VrsFixtures.FORMER_CODE);
    String approval = driver.claim("super1", instance, "ApproveVrsMoverQuery");
    driver.completeRequest("super1", approval, Map.of("approval", "REJECT")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("super1", approval, Map.of("approval", "REJECT", "reason", "同意書の署名がない"))
        .andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("MoverQueryRejected").hasNotPassed("SendVrsMoverQuery");
    assertThat(fixtures.query(instance)).containsEntry("status", "REJECTED").containsEntry("sent_at", null)
        .containsEntry("decision_reason", "同意書の署名がない");
    assertThat(vrs.receivedQueries()).isEmpty();
  }

  @Test
  void aQueryThatFindsNoOneIsClosedWithTheReason() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.resident(), VrsFixtures.WRONG_CODE);
    driver.complete("super1", instance, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    execute(job("SendVrsMoverQuery", instance));
    vrs.deliverPendingAnswers();
    vrs.deliverPendingAnswers();
    String review = driver.claim("staff1", instance, "ReviewVrsMoverNoMatch");
    driver.completeRequest("staff1", review, Map.of("noMatchAction", "CLOSE")).andExpect(status().isBadRequest());
    driver.completeRequest("staff1", review, Map.of("noMatchAction", "CLOSE", "reason", "本人が転出元を覚えていない"))
        .andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("MoverQueryClosed");
    assertThat(fixtures.query(instance)).containsEntry("status", "CLOSED")
        .containsEntry("closed_reason", "本人が転出元を覚えていない");
  }

  @Test
  void theStaffMemberWhoRecordedTheQueryCannotApproveItEvenAsASupervisor() throws Exception {
    long residentId = fixtures.resident();
    ProcessInstance instance = driver.start("super1", VrsFixtures.MOVER_PROCESS,
        fixtures.request(residentId, VrsFixtures.FORMER_CODE));
    mvc.perform(post("/api/tasks/" + driver.openTaskId(instance, "ApproveVrsMoverQuery") + "/claim")
        .with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(instance).isWaitingAt("ApproveVrsMoverQuery");
  }

  @Test
  void aFailingVrsIsRetriedByTheEngineAndNothingIsMarkedSent() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.resident(), VrsFixtures.FORMER_CODE);
    driver.complete("super1", instance, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    vrs.failNextRequests(1);
    String jobId = job("SendVrsMoverQuery", instance).getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).isNotNull();
    assertThat(fixtures.query(instance)).containsEntry("sent_at", null);
    engine.getManagementService().executeJob(jobId);
    assertThat(instance).isWaitingAt("AwaitVrsMoverAnswer");
    assertThat(vrs.receivedQueries()).hasSize(1);
  }
}
