package jp.lg.immunization.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of a health-damage relief claim (R33), driven through the app's API as staff and supervisors would, with
 * the engine's state checked by camunda-bpm-assert and the timers fired on the engine's clock.
 */
@IntegrationTest
class ReliefClaimProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired ReliefMinistrySimulator ministry;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private ReliefFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new ReliefFixtures(driver, jdbc, ministry);
    ministry.reset();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    ministry.reset();
  }

  @Test
  void R33_aCompleteClaimIsRecognisedDecidedApprovedAndPaysItsPensionEveryPeriodOnTheEngineClock() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.intake(fixtures.resident(), "A",
        List.of("MEDICAL_EXPENSES", "DISABILITY_PENSION"), ReliefFixtures.ALL_DOCUMENTS));
    assertThat(instance).isWaitingAt("ScheduleCommitteeMeeting").hasPassed("CheckClaimDeadline", "CheckCompleteness")
        .hasNotPassed("ReviewLateClaim", "RequestMissingDocuments");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("DESIGN rule 3: ids, codes and decisions only").containsOnlyKeys("residentId", "vaccinationClass",
            "reminderInterval", "paymentInterval", "appealPeriod", "startedBy", "claimLate", "documentsComplete");

    fixtures.throughCommittee(instance, "CAUSAL");
    assertThat(instance).isWaitingAt("ReminderDue");
    assertThat(ministry.receivedRequests()).singleElement().satisfies(request -> {
      assertThat(request.requestId()).isEqualTo("RLF-" + instance.getBusinessKey() + "-1");
      assertThat(request.committeeOpinion()).isEqualTo("CAUSAL");
    });
    assertThat(fixtures.claim(instance)).containsEntry("status", "AWAITING_MINISTRY")
        .containsEntry("committee_opinion", "CAUSAL");
    assertThat(fixtures.payments(instance)).as("R33: nothing before the Ministry's recognition").isEmpty();

    ministry.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("DecideMunicipalPayment");
    assertThat(fixtures.claim(instance)).containsEntry("ministry_outcome", "RECOGNISED");
    driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "PAY",
        "oneOffAmountYen", 120000, "periodicAmountYen", 50000, "reason", "厚生労働大臣の認定による"));
    assertThat(instance).isWaitingAt("ApproveMunicipalDecision");
    assertThat(fixtures.payments(instance)).as("R33: nothing before the approved decision").isEmpty();

    driver.complete("super1", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).hasPassed("SendDecisionNotice", "RecordOneOffPayments", "RecordPeriodicPayment")
        .isWaitingAt("NextPaymentPeriod");
    Map<String, Object> claim = fixtures.claim(instance);
    assertThat(claim).containsEntry("status", "PAYING").containsEntry("municipal_decision", "PAY")
        .containsEntry("decided_by", "staff1").containsEntry("approved_by", "super1");
    assertThat(claim.get("notice_text").toString()).contains("支給決定通知書", "救済 太郎（テスト） 様", "認定",
        "一時金等の額: 120,000円", "年金・手当の各期の額: 50,000円");
    assertThat(fixtures.payments(instance)).extracting(p -> p.get("kind") + ":" + p.get("period_no") + ":" + p.get("amount_yen"))
        .containsExactly("ONE_OFF:0:120000", "PERIODIC:0:50000");

    for (int period = 1; period <= 3; period++) {
      Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      assertThat(timer.getDuedate()).as("the next period is a month away on the engine's clock")
          .isAfter(ClockUtil.getCurrentTime());
      ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(1, ChronoUnit.MINUTES)));
      assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count())
          .as("due on the engine's clock").isOne();
      execute(timer);
      assertThat(instance).isWaitingAt("NextPaymentPeriod");
    }
    List<Map<String, Object>> payments = fixtures.payments(instance);
    assertThat(payments).hasSize(5).allSatisfy(p -> assertThat(p).containsEntry("status", "SCHEDULED"));
    LocalDate first = ((java.sql.Date) payments.get(1).get("due_on")).toLocalDate();
    assertThat(payments.subList(1, 5)).extracting(p -> ((java.sql.Date) p.get("due_on")).toLocalDate())
        .containsExactly(first, first.plusMonths(1), first.plusMonths(2), first.plusMonths(3));

    // A supervisor approves every payment due in one payment run; a second run finds nothing left.
    ProcessInstance run = driver.start("staff2", ReliefPayments.RUN_PROCESS_KEY,
        Map.of("dueBy", ReliefFixtures.today().plusYears(1).toString()));
    assertThat(run).isWaitingAt("ApprovePaymentRun");
    assertThat(fixtures.payments(instance)).allSatisfy(p -> assertThat(p).containsEntry("status", "IN_RUN"));
    driver.complete("super2", run, "ApprovePaymentRun", Map.of("approval", "APPROVE"));
    assertThat(run).isEnded().hasPassed("RecordPaymentRunPaid");
    assertThat(fixtures.payments(instance)).allSatisfy(p -> assertThat(p).containsEntry("status", "PAID"));
    assertThat(fixtures.timeline(instance)).anySatisfy(line -> assertThat(line).contains("年金・手当 第4期", "円を支払"));
    driver.startRequest("staff2", ReliefPayments.RUN_PROCESS_KEY, Map.of("dueBy", ReliefFixtures.today().plusYears(1).toString()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.dueBy", containsString("支払予定はありません")));

    // R33: the case record holds every step, date, document and decision.
    assertThat(fixtures.timeline(instance)).anySatisfy(l -> assertThat(l).startsWith("請求を受付"))
        .anySatisfy(l -> assertThat(l).contains("請求書類がそろっている"))
        .anySatisfy(l -> assertThat(l).startsWith("調査委員会の意見"))
        .anySatisfy(l -> assertThat(l).startsWith("都道府県を経由して厚生労働省へ進達"))
        .anySatisfy(l -> assertThat(l).startsWith("厚生労働省の通知"))
        .anySatisfy(l -> assertThat(l).startsWith("市の決定: 支給"))
        .anySatisfy(l -> assertThat(l).startsWith("上長が決定（支給）を承認"))
        .anySatisfy(l -> assertThat(l).startsWith("決定通知書"));
    byte[] notice = mvc.perform(get("/api/relief/claims/" + instance.getBusinessKey() + "/notice.pdf")
            .with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(notice)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
          .contains("予防接種健康被害救済給付支給決定通知書", "救済太郎（テスト）様", "一時金等の額:120,000円");
    }
    mvc.perform(get("/api/relief/claims/" + instance.getBusinessKey()).with(users.as("staff1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decision.decision").value("支給"))
        .andExpect(jsonPath("$.payments.length()").value(5))
        .andExpect(jsonPath("$.waiting[*].what", hasItem("予定: 次の支払期")));
  }

  @Test
  void R33_aPaymentRunIsApprovedOnlyByASupervisorWhoDidNotPrepareItAndARejectedRunReleasesItsPayments() throws Exception {
    ProcessInstance instance = fixtures.paying(80000, 0, null);
    assertThat(instance).isEnded().hasPassed("RecordOneOffPayments", "OneOffPaymentsRecorded")
        .hasNotPassed("RecordPeriodicPayment");
    ProcessInstance run = driver.start("super1", ReliefPayments.RUN_PROCESS_KEY,
        Map.of("dueBy", ReliefFixtures.today().plusDays(1).toString()));
    String approval = driver.openTaskId(run, "ApprovePaymentRun");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super2", run, "ApprovePaymentRun", Map.of("approval", "REJECT", "reason", "口座の確認中"));
    assertThat(run).isEnded().hasPassed("ReleasePaymentRun");
    assertThat(fixtures.payments(instance)).singleElement().satisfies(p -> assertThat(p)
        .containsEntry("status", "SCHEDULED").containsEntry("run_id", null));
  }

  @Test
  void R33_anIncompleteClaimListsWhatIsMissingAsksForItAndGoesOnOnceItArrives() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.intake(fixtures.resident(), "A",
        List.of("MEDICAL_EXPENSES", "DISABILITY_PENSION"), List.of("CLAIM_FORM")));
    assertThat(instance).isWaitingAt("RequestMissingDocuments");
    assertThat(fixtures.claim(instance)).containsEntry("status", "DOCUMENTS_MISSING");
    String task = driver.openTaskId(instance, "RequestMissingDocuments");
    mvc.perform(get("/api/tasks/" + task).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.context.sections[*].rows[*].value", hasItem(containsString("障害の状態に関する診断書"))));

    driver.complete("staff1", instance, "RequestMissingDocuments", Map.of("requestedOn", ReliefFixtures.today().toString(),
        "note", "郵送で依頼"));
    driver.complete("staff1", instance, "RecordMissingDocuments", Map.of("documentsReceived",
        List.of("VACCINATION_PROOF", "MEDICAL_RECORDS"), "receivedOn", ReliefFixtures.today().toString()));
    assertThat(instance).as("still missing receipts and the disability certificate").isWaitingAt("RequestMissingDocuments");

    driver.complete("staff1", instance, "RequestMissingDocuments", Map.of("requestedOn", ReliefFixtures.today().toString(),
        "note", "再度依頼"));
    // The certificate arrives as a scanned PDF on the case page; the receipts on paper.
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .multipart("/api/relief/claims/" + instance.getBusinessKey() + "/documents")
            .file(new org.springframework.mock.web.MockMultipartFile("file", "診断書.pdf", "application/pdf",
                "%PDF-1.4\n% synthetic test document\n".getBytes()))
            .param("type", "DISABILITY_CERTIFICATE").param("receivedOn", ReliefFixtures.today().toString())
            .with(users.as("staff2")).with(csrf()))
        .andExpect(status().isCreated());
    driver.complete("staff1", instance, "RecordMissingDocuments", Map.of("documentsReceived",
        List.of("MEDICAL_RECEIPTS"), "receivedOn", ReliefFixtures.today().toString()));
    assertThat(instance).isWaitingAt("ScheduleCommitteeMeeting");
    assertThat(fixtures.timeline(instance)).anySatisfy(l -> assertThat(l).startsWith("不足書類の提出を依頼"))
        .anySatisfy(l -> assertThat(l).startsWith("書類を登録: 障害の状態に関する診断書（診断書.pdf"));
  }

  @Test
  void R33_documentsAreCheckedByTheirContentNotTheirNameAndEveryViewIsLogged() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.intake(fixtures.resident(), "A", List.of("MEDICAL_EXPENSES"),
        List.of()));
    String path = "/api/relief/claims/" + instance.getBusinessKey() + "/documents";
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
            .file(new org.springframework.mock.web.MockMultipartFile("file", "請求書.pdf", "application/pdf",
                "<html>not a pdf</html>".getBytes()))
            .param("type", "CLAIM_FORM").param("receivedOn", ReliefFixtures.today().toString())
            .with(users.as("staff1")).with(csrf()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.file", containsString("内容で確認")));
    assertThat(jdbc.queryForObject("select count(*) from relief_document where claim_id = ?", Integer.class,
        fixtures.claimId(instance))).as("a refused upload changes nothing").isZero();

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
            .file(new org.springframework.mock.web.MockMultipartFile("file", "receipt.jpg", "image/jpeg", png))
            .param("type", "MEDICAL_RECEIPTS").param("receivedOn", ReliefFixtures.today().toString())
            .with(users.as("staff1")).with(csrf()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String id = created.replaceAll("\\D", "");
    mvc.perform(get(path + "/" + id).with(users.as("staff2"))).andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("Content-Type", "image/png"));
    assertThat(jdbc.queryForList("select username from audit_event where operation = 'RELIEF_DOCUMENT_VIEW' and detail = ?",
        String.class, "claim=" + instance.getBusinessKey() + " document=" + id)).containsExactly("staff2");
  }

  @Test
  void R33_aLateBClassClaimIsFlaggedToASupervisorWhoMayAcceptIt() throws Exception {
    Map<String, Object> values = fixtures.intake(fixtures.resident(), "B", List.of("MEDICAL_EXPENSES"),
        ReliefFixtures.ALL_DOCUMENTS);
    values.put("medicalPaidOn", ReliefFixtures.today().minusYears(6).toString());
    values.put("vaccinatedOn", ReliefFixtures.today().minusYears(6).minusMonths(1).toString());
    ProcessInstance instance = fixtures.start(values);
    assertThat(instance).isWaitingAt("ReviewLateClaim").task().hasCandidateGroup("supervisor");
    assertThat(fixtures.claim(instance)).containsEntry("late", true).containsEntry("status", "LATE_REVIEW");
    assertThat(fixtures.timeline(instance)).anySatisfy(l -> assertThat(l).contains("5年の期限"));

    driver.complete("super1", instance, "ReviewLateClaim", Map.of("lateDecision", "ACCEPT",
        "reason", "入院のため期限内に請求できなかったことを確認"));
    assertThat(instance).isWaitingAt("ScheduleCommitteeMeeting");
    assertThat(fixtures.claim(instance)).containsEntry("late_accepted_by", "super1");
  }

  @Test
  void R33_aLateClaimRefusedByTheSupervisorIsNotifiedNotDroppedSilently() throws Exception {
    Map<String, Object> values = fixtures.intake(fixtures.resident(), "B", List.of("MEDICAL_ALLOWANCE"),
        ReliefFixtures.ALL_DOCUMENTS);
    values.put("medicalPaidOn", ReliefFixtures.today().minusYears(7).toString());
    values.put("vaccinatedOn", ReliefFixtures.today().minusYears(7).toString());
    ProcessInstance instance = fixtures.start(values);
    driver.complete("super2", instance, "ReviewLateClaim", Map.of("lateDecision", "REFUSE", "reason", "理由なし"));
    assertThat(instance).isEnded().hasPassed("SendLateRefusalNotice", "ClaimRefusedAsLate");
    assertThat(fixtures.claim(instance)).containsEntry("status", "REFUSED_LATE");
    assertThat(fixtures.claim(instance).get("notice_text").toString()).contains("不支給決定通知書", "請求期限を経過");
  }

  @Test
  void R33_aClaimTheMinistryDoesNotRecogniseCannotBePaidAndItsAppealCanReopenIt() throws Exception {
    ProcessInstance instance = fixtures.forwarded("NOT_CAUSAL", List.of("MEDICAL_EXPENSES"));
    ministry.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("DecideMunicipalPayment");
    assertThat(fixtures.claim(instance)).containsEntry("ministry_outcome", "DENIED");

    String task = driver.claim("staff1", instance, "DecideMunicipalPayment");
    driver.completeRequest("staff1", task, Map.of("municipalDecision", "PAY", "oneOffAmountYen", 1000,
        "periodicAmountYen", 0, "reason", "誤り")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.municipalDecision", containsString("R33")));
    assertThat(fixtures.claim(instance)).containsEntry("municipal_decision", null);

    driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "NOT_PAY",
        "reason", "厚生労働大臣が否認したため"));
    driver.complete("super1", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).isWaitingAt("AwaitAppeal");
    Map<String, Object> claim = fixtures.claim(instance);
    assertThat(claim).containsEntry("status", "NOT_PAID");
    assertThat(claim.get("notice_text").toString()).contains("不支給決定通知書", "否認", "審査請求");
    assertThat(fixtures.payments(instance)).isEmpty();

    driver.perform("staff2", post("/api/relief/claims/" + instance.getBusinessKey() + "/appeal"),
        Map.of("version", ((Number) claim.get("version")).intValue() - 1, "filedOn", ReliefFixtures.today().toString()))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("concurrent_edit"));
    driver.perform("staff2", post("/api/relief/claims/" + instance.getBusinessKey() + "/appeal"),
        Map.of("version", claim.get("version"), "filedOn", ReliefFixtures.today().toString(), "note", "請求者が知事に審査請求"))
        .andExpect(status().isNoContent());
    assertThat(instance).isWaitingAt("RecordAppealOutcome");
    assertThat(fixtures.claim(instance)).containsEntry("status", "APPEALED");

    driver.complete("staff2", instance, "RecordAppealOutcome", Map.of("appealOutcome", "UPHELD",
        "ruledOn", ReliefFixtures.today().toString(), "summary", "因果関係の再検討を求める"));
    assertThat(instance).isWaitingAt("ForwardToPrefecture");
    assertThat(fixtures.claim(instance)).containsEntry("ministry_outcome", null).containsEntry("municipal_decision", null);
    execute(job("ForwardToPrefecture", instance));
    ministry.decide("RLF-" + instance.getBusinessKey() + "-2", "RECOGNISED");
    ministry.decide("RLF-" + instance.getBusinessKey() + "-1", "DENIED");
    assertThat(instance).isWaitingAt("DecideMunicipalPayment");
    assertThat(fixtures.claim(instance)).as("an answer to the earlier forwarding changes nothing")
        .containsEntry("ministry_outcome", "RECOGNISED");
  }

  /**
   * The payment decision is due within the city's standard processing period (30 days by default) of the Ministry's
   * notice and the appeal's ruling within the prefecture's standard review period (6 months) of the filing, or earlier
   * where the step's SLA target says so.
   */
  @Test
  void R33_theDecisionAndTheAppealsRulingAreDueByTheirPeriodsOrEarlierByTheirSlaTargets() throws Exception {
    ProcessInstance bySla = fixtures.forwarded("NOT_CAUSAL", List.of("MEDICAL_EXPENSES"));
    ministry.deliverPendingAnswers();
    assertThat(due(bySla, "DecideMunicipalPayment")).as("five business days come before thirty calendar days")
        .isBefore(endOf(ReliefFixtures.today().plusDays(30)).toInstant());
    try {
      setTarget("DecideMunicipalPayment", 200);
      setTarget("ApproveMunicipalDecision", 200);
      setTarget("RecordAppealOutcome", 200);
      ProcessInstance instance = fixtures.forwarded("NOT_CAUSAL", List.of("MEDICAL_EXPENSES"));
      ministry.deliverPendingAnswers();
      Date decisionDue = endOf(ReliefFixtures.today().plusDays(30));
      assertThat(due(instance, "DecideMunicipalPayment")).isEqualTo(decisionDue.toInstant());
      driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "NOT_PAY",
          "reason", "否認"));
      assertThat(due(instance, "ApproveMunicipalDecision")).isEqualTo(decisionDue.toInstant());
      driver.complete("super1", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));

      LocalDate filedOn = ReliefFixtures.today();
      driver.perform("staff2", post("/api/relief/claims/" + instance.getBusinessKey() + "/appeal"),
          Map.of("version", fixtures.claim(instance).get("version"), "filedOn", filedOn.toString()))
          .andExpect(status().isNoContent());
      assertThat(due(instance, "RecordAppealOutcome")).isEqualTo(endOf(filedOn.plusMonths(6)).toInstant());
    } finally {
      setTarget("DecideMunicipalPayment", null);
      setTarget("ApproveMunicipalDecision", null);
      setTarget("RecordAppealOutcome", null);
    }
  }

  /**
   * R33: the decision's standard period runs from the Ministry's notice. A decision the supervisor sends back days
   * later is made again by the same date, and so is its second approval; the send-back does not restart the period.
   */
  @Test
  void R33_aSentBackDecisionKeepsItsDueDate() throws Exception {
    try {
      setTarget("DecideMunicipalPayment", 200);
      setTarget("ApproveMunicipalDecision", 200);
      ProcessInstance instance = fixtures.forwarded("CAUSAL", List.of("MEDICAL_EXPENSES"));
      ministry.deliverPendingAnswers();
      Instant decisionDue = endOf(ReliefFixtures.today().plusDays(30)).toInstant();
      driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "PAY",
          "oneOffAmountYen", 30000, "periodicAmountYen", 0, "reason", "認定"));
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
      driver.complete("super2", instance, "ApproveMunicipalDecision", Map.of("approval", "REJECT",
          "reason", "領収書の合計と一致しない"));

      assertThat(instance).isWaitingAt("DecideMunicipalPayment");
      assertThat(due(instance, "DecideMunicipalPayment")).isEqualTo(decisionDue);
      driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "PAY",
          "oneOffAmountYen", 28000, "periodicAmountYen", 0, "reason", "認定（領収書で再計算）"));
      assertThat(due(instance, "ApproveMunicipalDecision")).isEqualTo(decisionDue);
    } finally {
      setTarget("DecideMunicipalPayment", null);
      setTarget("ApproveMunicipalDecision", null);
    }
  }

  private Instant due(ProcessInstance instance, String step) {
    return jdbc.queryForObject("select due_at from task_view where id = ?", java.sql.Timestamp.class,
        driver.openTaskId(instance, step)).toInstant();
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).minusMinutes(1).toInstant());
  }

  private void setTarget(String step, Integer businessDays) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("scope", "TASK", "key", step));
    body.put("businessDays", businessDays);
    driver.perform("manager1", put("/api/kpi/sla"), body).andExpect(status().isOk());
  }

  @Test
  void R33_aNotPaidDecisionBecomesFinalWhenTheAppealPeriodPassesAndADismissedAppealCloses() throws Exception {
    ProcessInstance instance = fixtures.forwarded("NOT_CAUSAL", List.of("MEDICAL_EXPENSES"));
    ministry.deliverPendingAnswers();
    driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "NOT_PAY", "reason", "否認"));
    driver.complete("super1", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    Job appealPeriod = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(appealPeriod.getDuedate().toInstant()).isAfter(Instant.now().plus(85, ChronoUnit.DAYS));
    ClockUtil.setCurrentTime(Date.from(appealPeriod.getDuedate().toInstant().plusSeconds(60)));
    execute(appealPeriod);
    assertThat(instance).isEnded().hasPassed("DecisionFinal");
    assertThat(fixtures.claim(instance)).containsEntry("status", "CLOSED");
    driver.perform("staff2", post("/api/relief/claims/" + instance.getBusinessKey() + "/appeal"),
        Map.of("version", fixtures.claim(instance).get("version"), "filedOn", ReliefFixtures.today().toString()))
        .andExpect(status().isConflict());

    ProcessInstance other = fixtures.forwarded("NOT_CAUSAL", List.of("MEDICAL_EXPENSES"));
    ministry.deliverPendingAnswers();
    driver.complete("staff1", other, "DecideMunicipalPayment", Map.of("municipalDecision", "NOT_PAY", "reason", "否認"));
    driver.complete("super1", other, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    driver.perform("staff2", post("/api/relief/claims/" + other.getBusinessKey() + "/appeal"),
        Map.of("version", fixtures.claim(other).get("version"), "filedOn", ReliefFixtures.today().toString()))
        .andExpect(status().isNoContent());
    driver.complete("staff2", other, "RecordAppealOutcome", Map.of("appealOutcome", "DISMISSED",
        "ruledOn", ReliefFixtures.today().toString(), "summary", "棄却"));
    assertThat(other).isEnded().hasPassed("AppealDismissed");
  }

  @Test
  void R33_aSupervisorWhoRejectsTheDecisionSendsItBackAndTheDeciderCannotApproveIt() throws Exception {
    ProcessInstance instance = fixtures.forwarded("CAUSAL", List.of("MEDICAL_EXPENSES"));
    ministry.deliverPendingAnswers();
    driver.complete("super1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "PAY",
        "oneOffAmountYen", 30000, "periodicAmountYen", 0, "reason", "認定"));
    String approval = driver.openTaskId(instance, "ApproveMunicipalDecision");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_candidate"));

    driver.complete("super2", instance, "ApproveMunicipalDecision", Map.of("approval", "REJECT",
        "reason", "領収書の合計と一致しない"));
    assertThat(instance).isWaitingAt("DecideMunicipalPayment");
    assertThat(fixtures.claim(instance)).containsEntry("municipal_decision", null).containsEntry("approved_by", null);
    assertThat(fixtures.payments(instance)).isEmpty();
    assertThat(fixtures.timeline(instance)).anySatisfy(l -> assertThat(l).contains("差し戻し", "領収書の合計と一致しない"));

    driver.complete("staff1", instance, "DecideMunicipalPayment", Map.of("municipalDecision", "PAY",
        "oneOffAmountYen", 28000, "periodicAmountYen", 0, "reason", "認定（領収書で再計算）"));
    driver.complete("super2", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    assertThat(instance).isEnded();
    assertThat(fixtures.payments(instance)).singleElement().satisfies(p -> assertThat(p).containsEntry("amount_yen", 28000));
  }

  @Test
  void R33_remindersCreateFollowUpTasksWhileTheMinistryDecidesAndTheDecisionEndsThem() throws Exception {
    ProcessInstance instance = fixtures.forwarded("CAUSAL", List.of("MEDICAL_EXPENSES"));
    for (int round = 1; round <= 2; round++) {
      Job reminder = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      assertThat(reminder.getDuedate()).isAfter(ClockUtil.getCurrentTime());
      ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plusSeconds(60)));
      execute(reminder);
      assertThat(instance).isWaitingAt("FollowUpMinistryDecision");
      driver.complete("staff1", instance, "FollowUpMinistryDecision", Map.of("note", "県に確認、審査会の審議待ち（" + round + "回目）"));
      assertThat(instance).isWaitingAt("ReminderDue");
    }
    execute(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
    assertThat(instance).isWaitingAt("FollowUpMinistryDecision");
    ministry.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("DecideMunicipalPayment");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("FollowUpMinistryDecision").count()).as("the open follow-up ends with the decision").isZero();
    assertThat(fixtures.timeline(instance)).filteredOn(l -> l.startsWith("審査の進捗を確認")).hasSize(2);
  }

  @Test
  void R33_aPensionEndsAtTheEndOfTheEntitlementAndARevisionAppliesFromTheNextPeriod() throws Exception {
    ProcessInstance instance = fixtures.paying(10000, 40000, ReliefFixtures.today().plusMonths(3));
    assertThat(instance).isWaitingAt("NextPaymentPeriod");
    Map<String, Object> claim = fixtures.claim(instance);
    ProcessInstance revision = proposeRevision(instance, "staff1", 45000, ReliefFixtures.today().plusMonths(2));
    driver.perform("staff2", post("/api/relief/claims/" + instance.getBusinessKey() + "/entitlement"),
        Map.of("version", claim.get("version"), "periodicAmountYen", 1, "reason", "二つ目の提案"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("revision_pending"));
    assertThat(fixtures.claim(instance)).as("nothing changes before the approval")
        .containsEntry("periodic_amount_yen", 40000).containsEntry("version", claim.get("version"));
    driver.complete("super2", revision, "ApproveEntitlementRevision", Map.of("approval", "APPROVE"));
    assertThat(revision).isEnded();
    assertThat(fixtures.claim(instance)).containsEntry("periodic_amount_yen", 45000);
    assertThat(fixtures.timeline(instance)).anySatisfy(l -> assertThat(l).startsWith("受給権の改定: 各期 45000円"));
    while (instance != null && !engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).list().isEmpty()) {
      Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
      execute(timer);
    }
    assertThat(instance).isEnded().hasPassed("EntitlementEnded");
    assertThat(fixtures.claim(instance)).containsEntry("status", "ENTITLEMENT_ENDED");
    assertThat(fixtures.payments(instance)).extracting(p -> p.get("kind") + ":" + p.get("period_no") + ":" + p.get("amount_yen"))
        .containsExactly("ONE_OFF:0:10000", "PERIODIC:0:40000", "PERIODIC:1:45000", "PERIODIC:2:45000");
    // Paid out, so that no payment super2 has touched waits for another test's run (which super2 may approve).
    ProcessInstance run = driver.start("staff2", ReliefPayments.RUN_PROCESS_KEY,
        Map.of("dueBy", ReliefFixtures.today().plusYears(5).toString()));
    driver.complete("super1", run, "ApprovePaymentRun", Map.of("approval", "APPROVE"));
  }

  /**
   * R33 (issue 15): a revision of a paying entitlement is a four-eyes step — its proposer cannot approve it, a rejected
   * one changes nothing — and the payment run that pays the revised entitlement refuses as approver everyone who set
   * its terms.
   */
  @Test
  void R33_anEntitlementRevisionNeedsAnotherSupervisorAndThePaymentRunRefusesWhoeverTouchedIt() throws Exception {
    ProcessInstance instance = fixtures.paying(10000, 40000, null);
    ProcessInstance rejected = proposeRevision(instance, "super1", 900000, null);
    mvc.perform(post("/api/tasks/" + driver.openTaskId(rejected, "ApproveEntitlementRevision") + "/claim")
            .with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super2", rejected, "ApproveEntitlementRevision", Map.of("approval", "REJECT", "reason", "根拠なし"));
    assertThat(fixtures.claim(instance)).containsEntry("periodic_amount_yen", 40000);

    ProcessInstance approved = proposeRevision(instance, "staff1", 42000, null);
    driver.complete("super2", approved, "ApproveEntitlementRevision", Map.of("approval", "APPROVE"));
    assertThat(fixtures.claim(instance)).containsEntry("periodic_amount_yen", 42000);

    ProcessInstance run = driver.start("staff2", ReliefPayments.RUN_PROCESS_KEY,
        Map.of("dueBy", ReliefFixtures.today().plusDays(1).toString()));
    assertThat(fixtures.payments(instance)).anySatisfy(p -> assertThat(p).containsEntry("status", "IN_RUN"));
    String approval = driver.openTaskId(run, "ApprovePaymentRun");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"))
        .andExpect(jsonPath("$.message").value(containsString("変更した職員")));
    // Approved (not sent back), so that no payment of the revised entitlement waits for another test's run.
    driver.complete("super1", run, "ApprovePaymentRun", Map.of("approval", "APPROVE"));
    assertThat(run).isEnded().hasPassed("RecordPaymentRunPaid");
  }

  private ProcessInstance proposeRevision(ProcessInstance claim, String proposer, int periodicAmountYen,
                                          LocalDate endsOn) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("version", fixtures.claim(claim).get("version"),
        "periodicAmountYen", periodicAmountYen, "reason", "障害の程度の変更（等級改定）"));
    if (endsOn != null) {
      body.put("entitlementEndsOn", endsOn.toString());
    }
    String answer = driver.perform(proposer, post("/api/relief/claims/" + claim.getBusinessKey() + "/entitlement"), body)
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    String revisionId = json.readTree(answer).path("revisionId").asText();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ReliefEntitlementRevisions.PROCESS_KEY).processInstanceBusinessKey(revisionId).singleResult();
  }

  /** R12 (issue 15): the decision notice as PDF needs PRINT; the print names the resident on the audit trail. */
  @Test
  void R12_theNoticePdfNeedsPrintAndIsAudited() throws Exception {
    ProcessInstance instance = fixtures.paying(10000, 0, null);
    String path = "/api/relief/claims/" + instance.getBusinessKey() + "/notice.pdf";
    mvc.perform(get(path).with(users.as("staff2"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("permission_required"));
    mvc.perform(get(path).with(users.as("staff3"))).andExpect(status().isOk());
    assertThat(jdbc.queryForObject("select resident_id from audit_event where username = 'staff3' and operation = "
        + "'RELIEF_NOTICE_PRINT' order by id desc limit 1", Long.class))
        .isEqualTo(fixtures.claim(instance).get("resident_id"));
  }

  @Test
  void R33_theDatabaseRefusesAPaymentWithoutRecognitionAndAnApprovedDecision() throws Exception {
    ProcessInstance instance = fixtures.forwarded("CAUSAL", List.of("MEDICAL_EXPENSES"));
    assertThatThrownBy(() -> jdbc.update("""
        insert into relief_payment (claim_id, kind, period_no, due_on, amount_yen, status, scheduled_at)
        values (?, 'ONE_OFF', 0, current_date, 1000, 'SCHEDULED', now())""", fixtures.claimId(instance)))
        .hasMessageContaining("without recognition");
    assertThatThrownBy(() -> jdbc.update("update relief_claim set municipal_decision = 'PAY' where id = ?",
        fixtures.claimId(instance))).hasMessageContaining("relief_claim_pay_only_recognised");
  }

  @Test
  void intakeRefusesBenefitsTheVaccinationClassDoesNotHaveAndChangesNothing() throws Exception {
    Integer before = jdbc.queryForObject("select count(*) from relief_claim", Integer.class);
    driver.startRequest("staff1", ReliefFixtures.PROCESS, fixtures.intake(fixtures.resident(), "B",
            List.of("DEATH_LUMP_SUM"), List.of()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.benefits", containsString("B類の予防接種では死亡一時金は請求できません")));
    Map<String, Object> future = fixtures.intake(fixtures.resident(), "A", List.of("MEDICAL_EXPENSES"), List.of());
    future.put("vaccinatedOn", ReliefFixtures.today().plusDays(3).toString());
    driver.startRequest("staff1", ReliefFixtures.PROCESS, future).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.vaccinatedOn").value("接種日が未来の日付です"));
    assertThat(jdbc.queryForObject("select count(*) from relief_claim", Integer.class)).isEqualTo(before);
  }

  @Test
  void aClaimIsLinkedToTheResidentsDoseRecordWhenTheOfficeHasIt() throws Exception {
    String addresseeNumber = fixtures.resident();
    Map<String, Object> resident = jdbc.queryForMap("select id, birth_date, sex from resident where addressee_number = ?",
        addresseeNumber);
    LocalDate doseDate = ReliefFixtures.today().minusMonths(6);
    Long doseId = jdbc.queryForObject("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        values ('MR', '2期', ?, ?, ?, ?) returning id""", Long.class, resident.get("id"), resident.get("birth_date"),
        resident.get("sex"), java.sql.Date.valueOf(doseDate));
    ProcessInstance instance = fixtures.start(fixtures.intake(addresseeNumber, "A", List.of("MEDICAL_EXPENSES"),
        ReliefFixtures.ALL_DOCUMENTS));
    assertThat(fixtures.claim(instance)).containsEntry("dose_record_id", doseId);
    mvc.perform(get("/api/residents/" + resident.get("id") + "/case").with(users.as("staff1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reliefClaims[0].id").value(fixtures.claimId(instance)))
        .andExpect(jsonPath("$.reliefClaims[0].vaccinationClass").value("A"));
  }
}
