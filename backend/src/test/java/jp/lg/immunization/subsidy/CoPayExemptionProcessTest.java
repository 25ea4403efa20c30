package jp.lg.immunization.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of 自己負担金免除申請 (R26), driven through the app's API as staff, supervisors and administrators would,
 * with the engine's state checked by camunda-bpm-assert. The 庁内連携 simulator answers by the last digit of the
 * 宛名番号 (see {@link CityLinkageSimulator}); the tests pick residents accordingly.
 */
@IntegrationTest
class CoPayExemptionProcessTest {

  private static final String PROCESS = ExemptionFixtures.PROCESS;

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CityLinkageSimulator linkage;
  @Autowired PittariServiceSimulator pittari;
  @Autowired JdbcTemplate jdbc;

  private ExemptionFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new ExemptionFixtures(driver, jdbc, linkage);
    linkage.reset();
    pittari.reset();
  }

  @AfterEach
  void tearDown() {
    linkage.reset();
    pittari.reset();
  }

  @Test
  void R26_aPublicAssistanceRecipientIsExemptedAutomaticallyAfterTheMatchIsRecorded() throws Exception {
    ProcessInstance instance = fixtures.startAtCounter(fixtures.residentEndingIn('0'), "PNEUMOCOCCAL_ELDERLY");
    assertThat(instance).isWaitingAt("RequestStatusMatch");
    assertThat(matchesOf(instance)).as("nothing is recorded before the request goes out").isEmpty();

    execute(job("RequestStatusMatch", instance));
    assertThat(instance).isWaitingAt("AwaitStatusMatch");
    assertThat(linkage.receivedRequests()).singleElement()
        .satisfies(request -> assertThat(request.requestId()).isEqualTo("CPX-" + instance.getBusinessKey()));
    assertThat(statusOf(instance)).isEqualTo("MATCHING");
    linkage.deliverPendingAnswers();

    assertThat(instance).isEnded().hasPassed("DecideExemptionAutomatically", "SendNotice", "NoticeSent")
        .hasNotPassed("DecideExemption", "ApproveExemption");
    Map<String, Object> match = matchesOf(instance).get(0);
    assertThat(match).containsEntry("source", "CITY_LINKAGE").containsEntry("result", "ANSWERED")
        .containsEntry("local_tax_status", "NON_TAXABLE_HOUSEHOLD").containsEntry("assistance_status", "RECIPIENT")
        .containsEntry("outcome", "EXEMPT").containsEntry("checked_by", "system");
    Map<String, Object> exemption = exemptionOf(instance);
    assertThat(exemption).containsEntry("status", "NOTIFIED").containsEntry("decision", "EXEMPT")
        .containsEntry("copay_yen", 0).containsEntry("decided_by", "system");
    assertThat(exemption.get("decision_reason").toString()).contains("生活保護受給");
    assertThat((java.sql.Timestamp) match.get("recorded_at")).isBeforeOrEqualTo((java.sql.Timestamp) exemption.get("decided_at"));
    assertThat(noticeOf(instance)).containsEntry("decision", "EXEMPT").containsEntry("copay_yen", 0);
    assertThat(auditOperationsFor(exemption.get("resident_id"))).contains("COPAY_EXEMPTION_REGISTERED",
        "COPAY_STATUS_MATCH", "COPAY_EXEMPTION_DECIDED", "COPAY_EXEMPTION_NOTICE");
  }

  @Test
  void R26_aTaxableHouseholdIsConclusivelyNotExemptAndToldWhatItPays() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('5'), "INFLUENZA_ELDERLY");

    assertThat(instance).isEnded().hasPassed("DecideExemptionAutomatically", "NoticeSent").hasNotPassed("DecideExemption");
    assertThat(matchesOf(instance).get(0)).containsEntry("local_tax_status", "TAXABLE_HOUSEHOLD")
        .containsEntry("assistance_status", "NOT_RECIPIENT").containsEntry("outcome", "NOT_EXEMPT");
    assertThat(exemptionOf(instance)).containsEntry("decision", "NOT_EXEMPT").containsEntry("copay_yen", 1500);
    assertThat(noticeOf(instance)).containsEntry("decision", "NOT_EXEMPT").containsEntry("copay_yen", 1500);
  }

  @Test
  void R26_aMissingTaxRecordDoesNotMatterWhereTheCityExemptsOnlyPublicAssistance() throws Exception {
    // No local-tax record (moved in this year), but the city's table exempts pneumococcal only for 生活保護.
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "PNEUMOCOCCAL_ELDERLY");

    assertThat(instance).isEnded().hasPassed("DecideExemptionAutomatically").hasNotPassed("DecideExemption");
    assertThat(matchesOf(instance).get(0)).containsEntry("local_tax_status", "NO_RECORD").containsEntry("outcome", "NOT_EXEMPT");
    assertThat(exemptionOf(instance)).containsEntry("decision", "NOT_EXEMPT").containsEntry("copay_yen", 4000);
  }

  @Test
  void R26_anInconclusiveMatchGoesToStaffWhoExemptOnACertificateAndASupervisorApprovesBeforeTheNotice() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "INFLUENZA_ELDERLY");
    assertThat(instance).isWaitingAt("DecideExemption").hasNotPassed("DecideExemptionAutomatically");
    assertThat(matchesOf(instance)).singleElement().satisfies(match -> assertThat(match)
        .containsEntry("local_tax_status", "NO_RECORD").containsEntry("outcome", "INCONCLUSIVE"));
    assertThat(exemptionOf(instance)).containsEntry("status", "AWAITING_DECISION").containsEntry("decision", null);

    String task = driver.openTaskId(instance, "DecideExemption");
    mvc.perform(get("/api/tasks/" + task).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.context.sections[*].heading", org.hamcrest.Matchers.hasItem("課税・生活保護の状況の照合記録（R26）")))
        .andExpect(jsonPath("$.context.sections[*].rows[*].value",
            org.hamcrest.Matchers.hasItem(containsString("課税記録なし（当年度の転入など）"))));

    driver.complete("staff1", instance, "DecideExemption", Map.of("decision", "EXEMPT",
        "exemptionGround", "RESIDENT_TAX_EXEMPT", "evidence", "TAX_CERTIFICATE", "reason", "前住所地の非課税証明書で確認"));
    assertThat(instance).isWaitingAt("ApproveExemption");
    assertThat(noticeCount(instance)).as("no notice before the approval").isZero();

    driver.complete("super1", instance, "ApproveExemption", Map.of("decision", "APPROVE"));

    assertThat(instance).isEnded().hasPassed("SendNotice", "NoticeSent");
    List<Map<String, Object>> matches = matchesOf(instance);
    assertThat(matches).hasSize(2);
    assertThat(matches.get(1)).containsEntry("source", "TAX_CERTIFICATE").containsEntry("result", "CHECKED")
        .containsEntry("local_tax_status", "NON_TAXABLE_HOUSEHOLD").containsEntry("outcome", "EXEMPT")
        .containsEntry("checked_by", "staff1").containsEntry("note", "前住所地の非課税証明書で確認");
    assertThat(exemptionOf(instance)).containsEntry("decision", "EXEMPT").containsEntry("decided_by", "staff1")
        .containsEntry("approved_by", "super1").containsEntry("status", "NOTIFIED");
    assertThat(noticeOf(instance)).containsEntry("decision", "EXEMPT");
  }

  @Test
  void R26_anInconclusiveMatchGoesToStaffWhoRefuseWithoutEvidenceAndTheNoticeGoesOutWithoutApproval() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('4'), "COVID");
    assertThat(instance).isWaitingAt("DecideExemption");
    assertThat(matchesOf(instance).get(0)).containsEntry("assistance_status", "UNKNOWN").containsEntry("outcome", "INCONCLUSIVE");

    driver.complete("staff2", instance, "DecideExemption", Map.of("decision", "NOT_EXEMPT", "evidence", "NO_EVIDENCE",
        "reason", "受給証明書の提出なし"));

    assertThat(instance).isEnded().hasPassed("SendNotice").hasNotPassed("ApproveExemption");
    assertThat(matchesOf(instance).get(1)).containsEntry("source", "NO_EVIDENCE").containsEntry("outcome", "NOT_EXEMPT")
        .containsEntry("checked_by", "staff2");
    assertThat(exemptionOf(instance)).containsEntry("decision", "NOT_EXEMPT").containsEntry("copay_yen", 3000)
        .containsEntry("decided_by", "staff2").containsEntry("approved_by", null);
    assertThat(noticeOf(instance).get("reason").toString()).contains("確認できませんでした");
  }

  @Test
  void R26_aSupervisorWhoDecidedAnExemptionCannotApproveItAndASendBackClearsTheDecision() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "INFLUENZA_ELDERLY");
    driver.complete("super1", instance, "DecideExemption", Map.of("decision", "EXEMPT",
        "exemptionGround", "RESIDENT_TAX_EXEMPT", "evidence", "DEPARTMENT_CONFIRMATION", "reason", "税務課に電話で確認"));
    String approval = driver.openTaskId(instance, "ApproveExemption");

    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE")).andExpect(status().isForbidden());
    engine.getTaskService().setAssignee(approval, null);
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_candidate"));
    assertThat(instance).isWaitingAt("ApproveExemption");
    assertThat(exemptionOf(instance)).containsEntry("approved_by", null);

    driver.complete("super2", instance, "ApproveExemption", Map.of("decision", "REJECT", "reason", "証明書の写しを添付すること"));
    assertThat(instance).isWaitingAt("DecideExemption");
    assertThat(exemptionOf(instance)).containsEntry("decision", null).containsEntry("status", "AWAITING_DECISION");

    driver.complete("super1", instance, "DecideExemption", Map.of("decision", "EXEMPT",
        "exemptionGround", "RESIDENT_TAX_EXEMPT", "evidence", "TAX_CERTIFICATE", "reason", "非課税証明書の写しを確認"));
    driver.complete("super2", instance, "ApproveExemption", Map.of("decision", "APPROVE"));
    assertThat(instance).isEnded();
    assertThat(exemptionOf(instance)).containsEntry("decided_by", "super1").containsEntry("approved_by", "super2");
    assertThat(matchesOf(instance)).extracting(match -> match.get("source"))
        .containsExactly("CITY_LINKAGE", "DEPARTMENT_CONFIRMATION", "TAX_CERTIFICATE");
  }

  @Test
  void R26_staffCannotExemptWithoutADocumentOrOnAGroundTheCoPayTableDoesNotExempt() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('4'), "PNEUMOCOCCAL_ELDERLY");
    String task = driver.claim("staff1", instance, "DecideExemption");

    driver.completeRequest("staff1", task, Map.of("decision", "EXEMPT", "exemptionGround", "RESIDENT_TAX_EXEMPT",
            "evidence", "TAX_CERTIFICATE", "reason", "非課税"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.exemptionGround").value(containsString("住民税非課税世帯による免除はありません")));
    driver.completeRequest("staff1", task, Map.of("decision", "EXEMPT", "exemptionGround", "PUBLIC_ASSISTANCE",
            "evidence", "NO_EVIDENCE", "reason", "本人の申告"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.evidence").exists());
    driver.completeRequest("staff1", task, Map.of("decision", "EXEMPT", "evidence", "TAX_CERTIFICATE", "reason", "根拠なし"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.exemptionGround").exists());

    assertThat(instance).isWaitingAt("DecideExemption");
    assertThat(matchesOf(instance)).hasSize(1);
    assertThat(exemptionOf(instance)).containsEntry("decision", null);
  }

  @Test
  void R26_aLinkFailureIsRetriedThenBecomesAnIncidentAndTheDeadlineHandsTheCaseToStaff() throws Exception {
    linkage.failNextRequests(10);
    ProcessInstance instance = fixtures.startAtCounter(fixtures.residentEndingIn('1'), "INFLUENZA_ELDERLY");
    driver.failUntilIncident(instance, "RequestStatusMatch");

    assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("RequestStatusMatch")
        .singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(instance).isActive().isWaitingAt("RequestStatusMatch");
    assertThat(matchesOf(instance)).as("a request that never went out is not recorded as sent").isEmpty();
    String incidents = mvc.perform(get("/api/admin/incidents").with(users.as("admin1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    JsonNode incident = StreamSupport.stream(json.readTree(incidents).spliterator(), false)
        .filter(node -> node.path("caseId").asText().equals(instance.getBusinessKey())).findFirst().orElseThrow();
    assertThat(incident.path("step").asText()).isEqualTo("RequestStatusMatch");

    execute(job("MatchTimedOut", instance));

    assertThat(instance).isWaitingAt("DecideExemption").hasPassed("RecordMatchUnanswered");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(matchesOf(instance)).singleElement().satisfies(match -> assertThat(match)
        .containsEntry("result", "LINK_FAILED").containsEntry("outcome", "INCONCLUSIVE").containsEntry("requested_at", null));
  }

  @Test
  void R26_onceTheLinkIsBackAnAdministratorRetriesAndTheMatchCompletes() throws Exception {
    linkage.failNextRequests(10);
    ProcessInstance instance = fixtures.startAtCounter(fixtures.residentEndingIn('2'), "INFLUENZA_ELDERLY");
    driver.failUntilIncident(instance, "RequestStatusMatch");
    String incidentId = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult().getId();

    linkage.failNextRequests(0);
    mvc.perform(post("/api/admin/incidents/" + incidentId + "/retry").with(users.as("admin1")).with(csrf()))
        .andExpect(status().isNoContent());
    execute(job("RequestStatusMatch", instance));
    linkage.deliverPendingAnswers();

    assertThat(instance).isEnded().hasPassed("DecideExemptionAutomatically");
    assertThat(exemptionOf(instance)).containsEntry("decision", "EXEMPT");
  }

  @Test
  void R26_noAnswerBeforeTheDeadlineIsRecordedAndALateAnswerChangesNothing() throws Exception {
    ProcessInstance instance = fixtures.startAtCounter(fixtures.residentEndingIn('6'), "COVID");
    execute(job("RequestStatusMatch", instance));
    assertThat(instance).isWaitingAt("AwaitStatusMatch");

    execute(job("MatchTimedOut", instance));
    assertThat(instance).isWaitingAt("DecideExemption");
    linkage.deliverPendingAnswers();

    assertThat(instance).isWaitingAt("DecideExemption");
    assertThat(matchesOf(instance)).singleElement().satisfies(match -> assertThat(match)
        .containsEntry("result", "NO_ANSWER").containsEntry("local_tax_status", null).containsEntry("outcome", "INCONCLUSIVE"));
  }

  @Test
  void R26_anAnswerDeliveredTwiceIsRecordedOnce() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('7'), "COVID");
    assertThat(instance).isEnded();

    linkage.redeliver(linkage.receivedRequests().get(0));

    assertThat(matchesOf(instance)).hasSize(1);
    assertThat(noticeCount(instance)).isEqualTo(1);
  }

  @Test
  void R26_anEApplicationFromPittariServiceIsIdentifiedByStaffThenMatchedAndDecided() throws Exception {
    String addresseeNumber = fixtures.residentEndingIn('1');
    String applicationNumber = submitElectronically(addresseeNumber, "INFLUENZA_ELDERLY");
    assertThat(caseByApplicationNumber(applicationNumber)).as("nothing arrives before the download").isNull();

    pittari.deliverPendingApplications();

    ProcessInstance instance = instanceOf(caseByApplicationNumber(applicationNumber));
    assertThat(instance).isWaitingAt("IdentifyApplicant").hasPassed("ElectronicApplicationReceived");
    assertThat(exemptionOf(instance)).containsEntry("channel", "ELECTRONIC").containsEntry("status", "IDENTIFYING")
        .containsEntry("resident_id", null);
    String task = driver.claim("staff1", instance, "IdentifyApplicant");
    mvc.perform(get("/api/tasks/" + task).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.context.sections[0].heading").value("申請"))
        .andExpect(jsonPath("$.context.sections[1].heading").value("申請者（ぴったりサービスの入力内容）"));

    String someoneElse = jdbc.queryForObject("""
        select addressee_number from resident where birth_date <> (select birth_date from resident where addressee_number = ?)
        order by id limit 1""", String.class, addresseeNumber);
    driver.completeRequest("staff1", task, Map.of("decision", "ACCEPT", "addresseeNumber", someoneElse))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value(containsString("生年月日が一致しません")));
    assertThat(instance).isWaitingAt("IdentifyApplicant");

    driver.complete("staff1", instance, "IdentifyApplicant", Map.of("decision", "ACCEPT", "addresseeNumber", addresseeNumber));
    assertThat(instance).isWaitingAt("RequestStatusMatch");
    long residentId = jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class, addresseeNumber);
    assertThat(runtime.getVariable(instance.getId(), "residentId")).isEqualTo(residentId);
    execute(job("RequestStatusMatch", instance));
    linkage.deliverPendingAnswers();

    assertThat(instance).isEnded().hasPassed("IdentifyApplicant", "DecideExemptionAutomatically", "NoticeSent");
    assertThat(exemptionOf(instance)).containsEntry("resident_id", residentId).containsEntry("decision", "EXEMPT");
  }

  @Test
  void anEApplicationThatCannotBeAcceptedIsReturnedWithItsReason() throws Exception {
    String applicationNumber = submitElectronically(fixtures.residentEndingIn('8'), "COVID");
    pittari.deliverPendingApplications();
    ProcessInstance instance = instanceOf(caseByApplicationNumber(applicationNumber));

    driver.complete("staff2", instance, "IdentifyApplicant", Map.of("decision", "RETURN", "reason", "申請者を特定できないため"));

    assertThat(instance).isEnded().hasPassed("ApplicationReturned").hasNotPassed("MatchTaxAndWelfareStatus");
    assertThat(exemptionOf(instance)).containsEntry("status", "RETURNED")
        .containsEntry("closing_reason", "申請者を特定できないため").containsEntry("closed_by", "staff2");
    assertThat(linkage.receivedRequests()).isEmpty();
  }

  @Test
  void anEApplicationDeliveredTwiceStartsOneCase() throws Exception {
    String applicationNumber = submitElectronically(fixtures.residentEndingIn('9'), "COVID");
    pittari.deliverPendingApplications();
    long caseId = caseByApplicationNumber(applicationNumber);

    pittari.redeliver(applicationNumber);

    assertThat(jdbc.queryForObject("select count(*) from copay_exemption where application_number = ?", Long.class,
        applicationNumber)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(String.valueOf(caseId)).count()).isEqualTo(1);
  }

  @Test
  void R26_everyDecisionAndNoticeRestsOnAMatchRecordedBeforeIt() throws Exception {
    ProcessInstance automatic = fixtures.startAndMatch(fixtures.residentEndingIn('0'), "COVID");
    ProcessInstance byStaff = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "INFLUENZA_ELDERLY");
    driver.complete("staff1", byStaff, "DecideExemption", Map.of("decision", "NOT_EXEMPT", "evidence", "NO_EVIDENCE",
        "reason", "証明書の提出なし"));
    ProcessInstance afterDeadline = fixtures.startAtCounter(fixtures.residentEndingIn('5'), "COVID");
    execute(job("MatchTimedOut", afterDeadline));
    driver.complete("staff2", afterDeadline, "DecideExemption", Map.of("decision", "NOT_EXEMPT",
        "evidence", "DEPARTMENT_CONFIRMATION", "reason", "福祉課に確認し受給なし"));

    for (ProcessInstance instance : List.of(automatic, byStaff, afterDeadline)) {
      assertThat(instance).isEnded().hasPassed("SendNotice");
      assertThat(jdbc.queryForObject("""
          select count(*) from copay_exemption e join copay_exemption_notice n on n.exemption_id = e.id
          where e.id = ? and n.issued_at >= e.decided_at
            and exists (select 1 from copay_status_match m where m.exemption_id = e.id and m.outcome is not null
                        and m.recorded_at <= e.decided_at and m.source = 'CITY_LINKAGE')""",
          Long.class, Long.parseLong(instance.getBusinessKey())))
          .as("case %s: a linkage match, then the decision, then the notice", instance.getBusinessKey()).isEqualTo(1);
    }
  }

  @Test
  void R26_theDatabaseRefusesADecisionWithoutARecordedMatch() throws Exception {
    ProcessInstance instance = fixtures.startAtCounter(fixtures.residentEndingIn('5'), "COVID");

    assertThatThrownBy(() -> jdbc.update("""
        update copay_exemption set decision = 'EXEMPT', decision_reason = '手入力', copay_yen = 0, decided_at = now()
        where id = ?""", Long.parseLong(instance.getBusinessKey())))
        .hasMessageContaining("R26");
    assertThat(exemptionOf(instance)).containsEntry("decision", null);
  }

  @Test
  void R26_aWithdrawalByAnUninvolvedSupervisorEndsTheCaseWhereverItWaitsButOnlyForWhoeverSawTheCurrentVersion() throws Exception {
    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "INFLUENZA_ELDERLY");
    driver.claim("staff1", instance, "DecideExemption");
    long id = Long.parseLong(instance.getBusinessKey());
    int version = json.readTree(mvc.perform(get("/api/copay-exemptions/" + id).with(users.as("staff2")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("version").asInt();

    driver.perform("staff2", post("/api/copay-exemptions/" + id + "/withdrawal"),
            Map.of("version", version - 1, "reason", "申請者から取下げの連絡"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("concurrent_edit"));
    assertThat(instance).isWaitingAt("DecideExemption");

    // Ending an application needs a second person: a supervisor who has not worked on it (issue 15).
    for (String refused : List.of("staff2", "staff1")) {
      driver.perform(refused, post("/api/copay-exemptions/" + id + "/withdrawal"),
              Map.of("version", version, "reason", "申請者から取下げの連絡"))
          .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    }
    assertThat(instance).isWaitingAt("DecideExemption");
    driver.perform("super2", post("/api/copay-exemptions/" + id + "/withdrawal"),
            Map.of("version", version, "reason", "申請者から取下げの連絡"))
        .andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("ApplicationWithdrawn").hasNotPassed("SendNotice");
    assertThat(exemptionOf(instance)).containsEntry("status", "WITHDRAWN").containsEntry("closed_by", "super2")
        .containsEntry("closing_reason", "申請者から取下げの連絡");
    assertThat(jdbc.queryForObject("select status from task_view where process_instance_id = ?", String.class,
        instance.getId())).isEqualTo("DELETED");
    driver.perform("super2", post("/api/copay-exemptions/" + id + "/withdrawal"),
            Map.of("version", version + 5, "reason", "再度"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_ended"));
  }

  @Test
  void processVariablesHoldIdsAndCodesOnly() throws Exception {
    String addresseeNumber = fixtures.residentEndingIn('3');
    String applicationNumber = submitElectronically(addresseeNumber, "INFLUENZA_ELDERLY");
    pittari.deliverPendingApplications();
    ProcessInstance instance = instanceOf(caseByApplicationNumber(applicationNumber));
    driver.complete("staff1", instance, "IdentifyApplicant", Map.of("decision", "ACCEPT", "addresseeNumber", addresseeNumber));
    execute(job("RequestStatusMatch", instance));
    linkage.deliverPendingAnswers();
    driver.complete("staff1", instance, "DecideExemption", Map.of("decision", "NOT_EXEMPT", "evidence", "NO_EVIDENCE",
        "reason", "ヤマダ様より資料の提出なし"));

    Map<String, Object> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list().stream()
        .collect(java.util.stream.Collectors.toMap(variable -> variable.getName(), variable -> String.valueOf(variable.getValue())));
    assertThat(variables.keySet()).containsExactlyInAnyOrder("matchTimeout", "residentId", "decision", "matchOutcome");
    Map<String, Object> applicant = jdbc.queryForMap(
        "select applicant_name_kanji, applicant_name_kana, applicant_phone from copay_exemption where application_number = ?",
        applicationNumber);
    applicant.values().forEach(value -> assertThat(variables.values().toString()).doesNotContain(value.toString()));
    assertThat(variables.values().toString()).doesNotContain("ヤマダ", addresseeNumber, applicationNumber);
  }

  @Test
  void theCounterStartFormRefusesBadInputAndADuplicateApplicationAndStartsNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    driver.startRequest("staff1", PROCESS, Map.of("addresseeNumber", "12345", "vaccineCode", "BCG"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").exists())
        .andExpect(jsonPath("$.fields.vaccineCode").exists());
    driver.startRequest("staff1", PROCESS, Map.of("addresseeNumber", "0000000000", "vaccineCode", "COVID"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value("この宛名番号の住民は登録されていません"));
    String addresseeNumber = fixtures.residentEndingIn('6');
    ProcessInstance first = fixtures.startAtCounter(addresseeNumber, "COVID");
    driver.startRequest("staff2", PROCESS, Map.of("addresseeNumber", addresseeNumber, "vaccineCode", "COVID"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value(containsString("新型コロナの免除申請は既にあります（#"
            + first.getBusinessKey())));

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before + 1);
  }

  private String submitElectronically(String addresseeNumber, String vaccine) throws Exception {
    String body = driver.perform("admin1", post("/api/admin/simulators/pittari-service/applications"),
            Map.of("addresseeNumber", addresseeNumber, "vaccine", vaccine))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(body).path("applicationNumber").asText();
  }

  private Long caseByApplicationNumber(String applicationNumber) {
    return jdbc.query("select id from copay_exemption where application_number = ?",
        rs -> rs.next() ? rs.getLong(1) : null, applicationNumber);
  }

  private ProcessInstance instanceOf(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(String.valueOf(caseId)).singleResult();
  }

  private Map<String, Object> exemptionOf(ProcessInstance instance) {
    return jdbc.queryForMap("select * from copay_exemption where id = ?", Long.parseLong(instance.getBusinessKey()));
  }

  private String statusOf(ProcessInstance instance) {
    return (String) exemptionOf(instance).get("status");
  }

  private List<Map<String, Object>> matchesOf(ProcessInstance instance) {
    return jdbc.queryForList("select * from copay_status_match where exemption_id = ? order by id",
        Long.parseLong(instance.getBusinessKey()));
  }

  private Map<String, Object> noticeOf(ProcessInstance instance) {
    return jdbc.queryForMap("select * from copay_exemption_notice where exemption_id = ?",
        Long.parseLong(instance.getBusinessKey()));
  }

  private long noticeCount(ProcessInstance instance) {
    return jdbc.queryForObject("select count(*) from copay_exemption_notice where exemption_id = ?", Long.class,
        Long.parseLong(instance.getBusinessKey()));
  }

  private List<String> auditOperationsFor(Object residentId) {
    return jdbc.queryForList("select operation from audit_event where resident_id = ?", String.class, residentId);
  }
}
