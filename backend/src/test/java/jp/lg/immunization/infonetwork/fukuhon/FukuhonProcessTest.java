package jp.lg.immunization.infonetwork.fukuhon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.infonetwork.network.IntermediateServerSimulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** 副本 registration (R21), correction (R22), format check and reconciliation (R23). */
@IntegrationTest
class FukuhonProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired IntermediateServerSimulator network;
  @Autowired JdbcTemplate jdbc;

  private long residentId;
  private String addresseeNumber;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    network.reset();
    residentId = jdbc.queryForObject("""
        select id from resident r where not exists (select 1 from dose_record d where d.resident_id = r.id)
          and not exists (select 1 from fukuhon f where f.resident_id = r.id)
        order by id limit 1 offset 40""", Long.class);
    addresseeNumber = jdbc.queryForObject("select addressee_number from resident where id = ?", String.class, residentId);
    addDose("MR", "1期", LocalDate.of(2021, 4, 12));
  }

  @AfterEach
  void tearDown() {
    network.reset();
  }

  @Test
  void R21_aFukuhonIsRegisteredOnlyAfterTwoStaffChecksAndASupervisorsApproval() throws Exception {
    ProcessInstance instance = requestRegistration("staff1");
    driver.complete("staff1", instance, "CheckFukuhon", Map.of("decision", "CONFIRM"));

    String second = driver.openTaskId(instance, "DoubleCheckFukuhon");
    engine.getTaskService().claim(second, "staff1");
    driver.completeRequest("staff1", second, Map.of("decision", "CONFIRM"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().setAssignee(second, null);
    driver.complete("staff2", instance, "DoubleCheckFukuhon", Map.of("decision", "CONFIRM"));

    assertThat(instance).isWaitingAt("ApproveFukuhon");
    assertThat(fukuhonCount()).as("nothing registered before approval").isZero();
    assertThat(network.fukuhonUpdates()).isEmpty();

    driver.complete("super1", instance, "ApproveFukuhon", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterFukuhon");
    execute(job());
    assertThat(instance).isEnded().hasPassed("FukuhonRegistered");
    assertThat(jdbc.queryForObject("select content::text from fukuhon where resident_id = ?", String.class, residentId))
        .contains("\"vaccine\": \"MR\"").contains("2021-04-12");
    assertThat(network.fukuhonUpdates()).singleElement().satisfies(update ->
        assertThat(update.networkCode()).startsWith("SIM-").doesNotContain(addresseeNumber));
    assertThat(jdbc.queryForMap("select approved_by, before_content from fukuhon_revision where resident_id = ?", residentId))
        .containsEntry("approved_by", "super1").containsEntry("before_content", null);
  }

  @Test
  void R21_aSupervisorWhoCheckedTheFukuhonCannotApproveIt() throws Exception {
    ProcessInstance instance = requestRegistration("staff1");
    driver.complete("super1", instance, "CheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckFukuhon", Map.of("decision", "CONFIRM"));
    String approval = driver.openTaskId(instance, "ApproveFukuhon");
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE")).andExpect(status().isForbidden());
    engine.getTaskService().setAssignee(approval, null);
    driver.complete("super2", instance, "ApproveFukuhon", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterFukuhon");
  }

  @Test
  void R21_theSecondCheckerSendsBackAndTheSupervisorRejectsBothReturnToTheFirstCheck() throws Exception {
    ProcessInstance instance = requestRegistration("staff1");
    driver.complete("staff1", instance, "CheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckFukuhon", Map.of("decision", "SEND_BACK", "reason", "接種日の確認"));
    assertThat(instance).isWaitingAt("CheckFukuhon");
    driver.complete("staff1", instance, "CheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("super1", instance, "ApproveFukuhon", Map.of("decision", "REJECT", "reason", "ロット番号の確認"));
    assertThat(instance).isWaitingAt("CheckFukuhon");
    assertThat(fukuhonCount()).isZero();
  }

  @Test
  void R21_theFirstCheckerMayCancelTheRegistration() throws Exception {
    ProcessInstance instance = requestRegistration("staff1");
    driver.complete("staff2", instance, "CheckFukuhon", Map.of("decision", "CANCEL"));
    assertThat(instance).isEnded().hasPassed("FukuhonCancelled");
    assertThat(fukuhonCount()).isZero();
  }

  @Test
  void R22_aCorrectionIsMadeOnlyAfterASupervisorApprovedItAndKeepsBeforeAndAfter() throws Exception {
    register();
    String before = jdbc.queryForObject("select content::text from fukuhon where resident_id = ?", String.class, residentId);
    addDose("水痘", "1回目", LocalDate.of(2021, 6, 1));

    ProcessInstance correction = driver.start("super1", FukuhonProcesses.CORRECTION, Map.of(
        "addresseeNumber", addresseeNumber, "informationItem", "VACCINATION_RECORD", "reason", "水痘の接種記録の追加漏れ"));
    assertThat(correction).isWaitingAt("ApproveFukuhonCorrection");
    String approval = driver.openTaskId(correction, "ApproveFukuhonCorrection");
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value(containsString("自分が依頼した")));
    engine.getTaskService().setAssignee(approval, null);
    assertThat(jdbc.queryForObject("select content::text from fukuhon where resident_id = ?", String.class, residentId))
        .as("unchanged until approved").isEqualTo(before);

    driver.complete("super2", correction, "ApproveFukuhonCorrection", Map.of("decision", "APPROVE"));
    assertThat(correction).isWaitingAt("ApplyFukuhonCorrection");
    execute(job());
    assertThat(correction).isEnded().hasPassed("FukuhonCorrected");
    assertThat(jdbc.queryForObject("select content::text from fukuhon where resident_id = ?", String.class, residentId))
        .contains("水痘");
    Map<String, Object> revision = jdbc.queryForMap("""
        select before_content::text as before, after_content::text as after, approved_by from fukuhon_revision
        where case_id = ?""", Long.parseLong(correction.getBusinessKey()));
    assertThat(revision).containsEntry("approved_by", "super2").containsEntry("before", before);
    assertThat((String) revision.get("after")).contains("水痘");
  }

  // The resident is anyone without doses, so the doses below are seldom routine ones (E034): registered as confirmed.
  @Test
  void R22_aDoseRegisteredAfterTheFukuhonStartsACorrectionThatTheRegistrantCannotApprove() throws Exception {
    register();
    Map<String, Object> dose = Map.of("items", Map.of("addresseeNumber", addresseeNumber, "vaccine", "BCG",
        "doseCategory", "1回", "doseDate", LocalDate.now().minusDays(10).toString(), "lotNumber", "BCG77",
        "institutionId", "1110101", "doctorId", "D1010101"), "confirmWarnings", true);
    driver.perform("super1", post("/api/doses"), dose).andExpect(status().isCreated());

    ProcessInstance correction = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FukuhonProcesses.CORRECTION).variableValueEquals("residentId", residentId).singleResult();
    assertThat(correction).isWaitingAt("ApproveFukuhonCorrection");
    assertThat(jdbc.queryForObject("select proposed_content::text from fukuhon_case where id = ?", String.class,
        Long.parseLong(correction.getBusinessKey()))).contains("BCG").contains("MR");
    String approval = driver.openTaskId(correction, "ApproveFukuhonCorrection");
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE")).andExpect(status().isForbidden());

    driver.perform("staff1", post("/api/doses"), Map.of("items", Map.of("addresseeNumber", addresseeNumber,
        "vaccine", "水痘", "doseCategory", "1回目", "doseDate", LocalDate.now().minusDays(5).toString(),
        "lotNumber", "VZ1", "institutionId", "1110101", "doctorId", "D1010101"), "confirmWarnings", true))
        .andExpect(status().isCreated());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FukuhonProcesses.CORRECTION)
        .variableValueEquals("residentId", residentId).count()).as("the case under way is left to finish").isEqualTo(1);
  }

  @Test
  void aDoseOfAResidentWithoutFukuhonStartsNoCase() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FukuhonProcesses.CORRECTION)
        .count();
    driver.perform("staff1", post("/api/doses"), Map.of("items", Map.of("addresseeNumber", addresseeNumber,
        "vaccine", "BCG", "doseCategory", "1回", "doseDate", LocalDate.now().minusDays(3).toString(),
        "lotNumber", "BCG78", "institutionId", "1110101", "doctorId", "D1010101"), "confirmWarnings", true))
        .andExpect(status().isCreated());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FukuhonProcesses.CORRECTION)
        .count()).isEqualTo(before);
  }

  @Test
  void R22_aRejectedCorrectionChangesNothing() throws Exception {
    register();
    addDose("日本脳炎", "1期初回1回目", LocalDate.of(2022, 1, 20));
    ProcessInstance correction = driver.start("staff1", FukuhonProcesses.CORRECTION, Map.of(
        "addresseeNumber", addresseeNumber, "informationItem", "VACCINATION_RECORD", "reason", "記録の追加"));
    driver.complete("super1", correction, "ApproveFukuhonCorrection", Map.of("decision", "REJECT", "reason", "原本の確認が先"));
    assertThat(correction).isEnded().hasPassed("FukuhonCorrectionRejected");
    assertThat(jdbc.queryForObject("select content::text from fukuhon where resident_id = ?", String.class, residentId))
        .doesNotContain("日本脳炎");
  }

  @Test
  void R22_thereIsNothingToCorrectBeforeAFukuhonIsRegistered() throws Exception {
    driver.startRequest("staff1", FukuhonProcesses.CORRECTION, Map.of(
            "addresseeNumber", addresseeNumber, "informationItem", "VACCINATION_RECORD", "reason", "訂正"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("訂正する副本がありません")));
  }

  @Test
  void R23_aFukuhonWithMalformedContentIsRefusedBeforeAnyoneChecksIt() throws Exception {
    addDose("BCG", "1回", LocalDate.now().plusDays(3));
    driver.startRequest("staff1", FukuhonProcesses.REGISTRATION, Map.of(
            "addresseeNumber", addresseeNumber, "informationItem", "VACCINATION_RECORD", "reason", "登録"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("接種年月日が未来の日付です")));
  }

  @Test
  void R23_theReconciliationListsResidentsWhoseFukuhonIsMissingOrOutOfDateAndExportsIt() throws Exception {
    mvc.perform(get("/api/fukuhon/reconciliation").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.addresseeNumber == '" + addresseeNumber + "')].difference").value("MISSING"));
    register();
    mvc.perform(get("/api/fukuhon/reconciliation").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.addresseeNumber == '" + addresseeNumber + "')]").isEmpty());
    addDose("MR", "2期", LocalDate.of(2024, 5, 1));
    byte[] csv = mvc.perform(get("/api/fukuhon/reconciliation.csv").with(users.as("staff1"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"宛名番号\",\"情報\",\"差異\"")
        .contains("\"" + addresseeNumber + "\",\"予防接種の実施に関する情報\",\"副本が原本と不一致\"");
  }

  /** R12 (issue 15): the reconciliation file needs EXPORT, and every resident in it is on the audit trail. */
  @Test
  void R12_theReconciliationFileNeedsExportAndNamesEachOfItsResidentsOnTheAuditTrail() throws Exception {
    long before = jdbc.queryForObject("select max(id) from audit_event", Long.class);
    mvc.perform(get("/api/fukuhon/reconciliation.csv").with(users.as("staff2"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("permission_required"));
    assertThat(jdbc.queryForList("select operation from audit_event where id > ? and username = 'staff2'",
        String.class, before)).containsExactly("PERMISSION_REFUSED");
    var answer = mvc.perform(get("/api/fukuhon/reconciliation.csv").with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse();
    int rows = Integer.parseInt(answer.getHeader("X-Row-Count"));
    assertThat(rows).isPositive();
    assertThat(jdbc.queryForList("select resident_id from audit_event where id > ? and operation = 'RESIDENT_EXPORT'",
        Long.class, before)).hasSize(rows).contains(residentId);
    assertThat(jdbc.queryForObject("select detail from audit_event where id > ? and operation = ?", String.class,
        before, "FUKUHON_RECONCILIATION_EXPORT")).endsWith("rows=" + rows);
  }

  private ProcessInstance requestRegistration(String username) throws Exception {
    return driver.start(username, FukuhonProcesses.REGISTRATION, Map.of(
        "addresseeNumber", addresseeNumber, "informationItem", "VACCINATION_RECORD", "reason", "接種記録の登録に伴う更新"));
  }

  private void register() throws Exception {
    ProcessInstance instance = requestRegistration("staff1");
    driver.complete("staff1", instance, "CheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("staff2", instance, "DoubleCheckFukuhon", Map.of("decision", "CONFIRM"));
    driver.complete("super1", instance, "ApproveFukuhon", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterFukuhon");
    execute(job());
    assertThat(instance).isEnded();
  }

  private void addDose(String vaccine, String category, LocalDate date) {
    jdbc.update("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        select ?, ?, id, birth_date, sex, ? from resident where id = ?""", vaccine, category, date, residentId);
  }

  private long fukuhonCount() {
    return jdbc.queryForObject("select count(*) from fukuhon where resident_id = ?", Long.class, residentId);
  }
}
