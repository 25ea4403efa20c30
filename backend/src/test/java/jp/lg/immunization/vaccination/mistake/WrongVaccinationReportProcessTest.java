package jp.lg.immunization.vaccination.mistake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of 予防接種の間違い報告, driven through the app's API as staff and supervisors would, with the engine's
 * state checked by camunda-bpm-assert.
 */
@IntegrationTest
class WrongVaccinationReportProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PrefectureReportSimulator prefecture;

  private MistakeFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new MistakeFixtures(driver, jdbc);
    prefecture.reset();
  }

  @AfterEach
  void tearDown() {
    prefecture.reset();
  }

  @Test
  void aFlaggedDoseIsReportedAfterBothAreInformedAndASupervisorApproves() throws Exception {
    long dose = fixtures.lateBcgDose();
    assertThat(jdbc.queryForObject("select error_code from dose_record where id = ?", String.class, dose))
        .isEqualTo("E034");

    ProcessInstance instance = fixtures.report("staff1", dose);
    assertThat(instance).isWaitingAt("RecordResidentInformed", "RecordClinicInformed");
    assertThat(fixtures.reportOf(instance)).containsEntry("status", "INFORMING").containsEntry("kind", "AGE")
        .containsEntry("started_by", "staff1");
    assertThat((String) fixtures.reportOf(instance).get("rule_broken")).contains("E034").contains("接種期間外");

    driver.complete("staff1", instance, "RecordResidentInformed", Map.of("informedOn", LocalDate.now().toString(),
        "informedHow", "FACE"));
    assertThat(instance).isWaitingAt("RecordClinicInformed");
    driver.complete("staff2", instance, "RecordClinicInformed", Map.of("informedOn", LocalDate.now().toString(),
        "contact", "さくら小児科クリニック 院長"));
    assertThat(instance).isWaitingAt("ApproveWrongVaccinationReport");
    assertThat(fixtures.reportOf(instance)).containsEntry("status", "AWAITING_APPROVAL")
        .containsEntry("resident_informed_how", "FACE").containsEntry("clinic_informed_by", "staff2");

    driver.complete("super1", instance, "ApproveWrongVaccinationReport", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("SendReportToPrefecture");
    assertThat(fixtures.reportOf(instance)).containsEntry("status", "REPORTING").containsEntry("approved_by", "super1");

    execute(job("SendReportToPrefecture", instance));
    assertThat(instance).isEnded().hasPassed("ReportedToPrefecture");
    Map<String, Object> report = fixtures.reportOf(instance);
    assertThat(report).containsEntry("status", "REPORTED");
    assertThat((String) report.get("prefecture_receipt")).startsWith("PREF-");
    PrefectureReportPort.Report sent = prefecture.receivedReports().get(prefecture.receivedReports().size() - 1);
    assertThat(sent.reportId()).isEqualTo("WVR-" + report.get("id"));
    assertThat(sent.vaccine()).isEqualTo("BCG");
    assertThat(sent.ageYears()).isEqualTo(1);
    String addressee = jdbc.queryForObject("select r.addressee_number from resident r join dose_record d "
        + "on d.resident_id = r.id where d.id = ?", String.class, dose);
    assertThat(sent.toString()).as("no identity item goes to the prefecture").doesNotContain(addressee);
  }

  @Test
  void aSentBackReportIsRevisedAndApprovedAgain() throws Exception {
    ProcessInstance instance = informed(fixtures.report("staff1", fixtures.lateBcgDose()));

    driver.complete("super1", instance, "ApproveWrongVaccinationReport", Map.of("decision", "SEND_BACK",
        "reason", "原因をより具体的に記載すること"));
    assertThat(instance).isWaitingAt("ReviseWrongVaccinationReport");
    assertThat(fixtures.reportOf(instance)).containsEntry("status", "REVISING").containsEntry("approved_by", null);
    String revise = driver.claim("staff1", instance, "ReviseWrongVaccinationReport");
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/tasks/" + revise)
            .with(users.as("staff1")))
        .andExpect(jsonPath("$.data.kind").value("AGE"))
        .andExpect(jsonPath("$.data.healthDamage").value("NONE"));

    Map<String, Object> revised = new LinkedHashMap<>(MistakeFixtures.FACTS);
    revised.remove("doseRecordId");
    revised.put("cause", "受付で生年月日と接種期限（1歳の誕生日の前日）を照合する手順がなかった");
    driver.complete("staff1", instance, "ReviseWrongVaccinationReport", revised);
    assertThat(instance).isWaitingAt("ApproveWrongVaccinationReport");
    assertThat((String) fixtures.reportOf(instance).get("cause")).startsWith("受付で生年月日");

    driver.complete("super2", instance, "ApproveWrongVaccinationReport", Map.of("decision", "APPROVE"));
    execute(job("SendReportToPrefecture", instance));
    assertThat(instance).isEnded();
    assertThat(jdbc.queryForList("select kind from wrong_vaccination_event where report_id = ? order by id",
        String.class, Long.parseLong(instance.getBusinessKey())))
        .containsSubsequence("OPENED", "SENT_BACK", "REVISED", "APPROVED", "REPORTED");
  }

  @Test
  void nobodyWhoOpenedOrInformedApprovesTheReport() throws Exception {
    ProcessInstance instance = fixtures.report("super1", fixtures.lateBcgDose());
    driver.complete("staff1", instance, "RecordResidentInformed", Map.of("informedOn", LocalDate.now().toString(),
        "informedHow", "PHONE"));
    driver.complete("super2", instance, "RecordClinicInformed", Map.of("informedOn", LocalDate.now().toString(),
        "contact", "ひまわりこどもクリニック 看護師長"));
    String approval = driver.openTaskId(instance, "ApproveWrongVaccinationReport");

    for (String worker : new String[] {"super1", "super2"}) {
      mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as(worker)).with(csrf()))
          .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    }
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("staff2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_candidate"));
    assertThat(instance).isWaitingAt("ApproveWrongVaccinationReport");
    assertThat(fixtures.reportOf(instance)).containsEntry("approved_by", null);
  }

  @Test
  void aPrefectureOutageBecomesAnIncidentAndTheRetrySendsTheSameReportOnce() throws Exception {
    ProcessInstance instance = informed(fixtures.report("staff1", fixtures.lateBcgDose()));
    driver.complete("super1", instance, "ApproveWrongVaccinationReport", Map.of("decision", "APPROVE"));
    int before = prefecture.receivedReports().size();
    prefecture.failNextRequests(1);

    assertThatThrownBy(() -> execute(job("SendReportToPrefecture", instance)))
        .hasMessageContaining("都道府県");
    assertThat(instance).isWaitingAt("SendReportToPrefecture");
    assertThat(fixtures.reportOf(instance)).containsEntry("prefecture_receipt", null);

    execute(job("SendReportToPrefecture", instance));
    assertThat(instance).isEnded();
    assertThat(prefecture.receivedReports()).hasSize(before + 1);
    String receipt = (String) fixtures.reportOf(instance).get("prefecture_receipt");
    String again = prefecture.report(prefecture.receivedReports().get(before));
    assertThat(again).as("a repeated report gets its first receipt").isEqualTo(receipt);
  }

  @Test
  void aDoseIsReportedOnceAndAnUnknownDoseIsRefusedWithoutACase() throws Exception {
    long dose = fixtures.lateBcgDose();
    fixtures.report("staff1", dose);
    long cases = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(WrongVaccination.PROCESS_KEY).count();

    Map<String, Object> twice = new LinkedHashMap<>(MistakeFixtures.FACTS);
    twice.put("doseRecordId", dose);
    driver.startRequest("staff2", WrongVaccination.PROCESS_KEY, twice).andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("この接種記録の間違い報告は既に作成されています"));
    twice.put("doseRecordId", 987654321);
    driver.startRequest("staff2", WrongVaccination.PROCESS_KEY, twice).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.doseRecordId").exists());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(WrongVaccination.PROCESS_KEY).count()).isEqualTo(cases);
  }

  private ProcessInstance informed(ProcessInstance instance) throws Exception {
    driver.complete("staff2", instance, "RecordResidentInformed", Map.of("informedOn", LocalDate.now().toString(),
        "informedHow", "LETTER"));
    driver.complete("staff2", instance, "RecordClinicInformed", Map.of("informedOn", LocalDate.now().toString(),
        "contact", "けやき医院 事務長"));
    return instance;
  }
}
