package jp.lg.immunization.vrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * Every path of 接種証明書の交付: a counter application checked and issued (this city's dose and the former
 * municipality's records from a checked mover query, numbered by date) and printed as a Japanese/English PDF with the
 * national format's items by a user with PRINT only, audited; an overseas certificate with the passport's items; a
 * refusal with its reason; an e-application from ぴったりサービス received once however often it is delivered.
 */
@IntegrationTest
class VaccinationCertificateProcessTest {

  private static final String PROCESS = Certificates.PROCESS_KEY;

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired VrsSimulator vrs;
  @Autowired PittariCertificateSimulator pittari;

  private VrsFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new VrsFixtures(driver, context);
    vrs.reset();
    pittari.reset();
  }

  @AfterEach
  void tearDown() {
    vrs.reset();
    pittari.reset();
  }

  @Test
  void aCounterApplicationIsCheckedIssuedWithTheFormerAndOwnDosesAndPrintedOnlyWithPrint() throws Exception {
    long residentId = fixtures.resident();
    moverRecordsChecked(residentId);
    LocalDate ownDose = VrsFixtures.today().minusDays(40);
    fixtures.registerCovidDose(residentId, ownDose, "ファイザー", "FN7777");

    ProcessInstance instance = driver.start("staff1", PROCESS, application(residentId, "DOMESTIC"));
    assertThat(instance).isWaitingAt("CheckCertificateApplication");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnlyKeys("residentId", "startedBy");
    driver.complete("staff2", instance, "CheckCertificateApplication", Map.of("certificateDecision", "ISSUE"));

    assertThat(instance).isEnded().hasPassed("IssueVaccinationCertificate", "CertificateIssued");
    long id = Long.parseLong(instance.getBusinessKey());
    Map<String, Object> certificate = jdbc.queryForMap("select * from vrs_certificate where id = ?", id);
    assertThat(certificate).containsEntry("status", "ISSUED").containsEntry("checked_by", "staff2");
    assertThat((String) certificate.get("certificate_number")).startsWith("112020-");
    List<Map<String, Object>> doses = jdbc.queryForList("select dose_number, municipality_code, lot_number"
        + " from vrs_certificate_dose where certificate_id = ? order by dose_number", id);
    assertThat(doses).hasSizeGreaterThanOrEqualTo(3);
    assertThat(doses.get(0)).containsEntry("municipality_code", VrsFixtures.FORMER_CODE);
    assertThat(doses.get(doses.size() - 1)).containsEntry("municipality_code", "112020")
        .containsEntry("lot_number", "FN7777").containsEntry("dose_number", doses.size());

    long printsBefore = prints();
    mvc.perform(get("/api/vrs/certificates/" + id + "/certificate.pdf").with(users.as("staff2")))
        .andExpect(status().isForbidden());
    byte[] pdf = mvc.perform(get("/api/vrs/certificates/" + id + "/certificate.pdf").with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    String text = text(pdf);
    assertThat(text).contains("新型コロナウイルス感染症予防接種証明書", "VaccinationCertificateforCOVID-19",
        "接種年月日/Dateofvaccination", "ワクチン種類/Vaccinetype", "製品名・メーカー", "ロット番号/LotNo.:FN7777",
        "証明書ID/CertificateID:" + certificate.get("certificate_number"), "発行年月日/Dateofissue", "転入記録子")
        .doesNotContain("旅券番号");
    assertThat(prints()).as("each print is audited").isEqualTo(printsBefore + 1);
  }

  @Test
  void anOverseasCertificateNeedsThePassportsItemsAndPrintsThem() throws Exception {
    long residentId = fixtures.resident();
    fixtures.registerCovidDose(residentId, VrsFixtures.today().minusDays(60), "モデルナ", "MD4321");
    driver.startRequest("staff1", PROCESS, application(residentId, "OVERSEAS")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.romajiName").exists()).andExpect(jsonPath("$.fields.passportNumber").exists());

    Map<String, Object> overseas = application(residentId, "OVERSEAS");
    overseas.putAll(Map.of("romajiName", "TENNYU KIROKUKO", "nationality", "日本 / JAPAN", "passportNumber", "TK1234567"));
    ProcessInstance instance = driver.start("staff1", PROCESS, overseas);
    driver.complete("staff2", instance, "CheckCertificateApplication", Map.of("certificateDecision", "ISSUE"));
    String text = text(mvc.perform(get("/api/vrs/certificates/" + instance.getBusinessKey() + "/certificate.pdf")
        .with(users.as("staff1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    assertThat(text).contains("旅券番号/PassportNo.:TK1234567", "国籍/Nationality:日本/JAPAN", "TENNYUKIROKUKO",
        "Spikevax(Moderna)", "COVID-19mRNAvaccine");
  }

  @Test
  void aCertificateIsNotIssuedWithoutAnyDoseAndARefusalNeedsItsReason() throws Exception {
    long residentId = fixtures.resident();
    ProcessInstance instance = driver.start("staff1", PROCESS, application(residentId, "DOMESTIC"));
    String check = driver.claim("staff2", instance, "CheckCertificateApplication");
    driver.completeRequest("staff2", check, Map.of("certificateDecision", "ISSUE")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.certificateDecision").exists());
    driver.completeRequest("staff2", check, Map.of("certificateDecision", "REJECT"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("staff2", check, Map.of("certificateDecision", "REJECT", "reason", "接種記録がない"))
        .andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("CertificateNotIssued").hasNotPassed("IssueVaccinationCertificate");
    mvc.perform(get("/api/vrs/certificates/" + instance.getBusinessKey() + "/certificate.pdf")
        .with(users.as("staff1"))).andExpect(status().isNotFound());
  }

  @Test
  void anElectronicApplicationFromPittariServiceStartsOneCaseHoweverOftenItIsDelivered() throws Exception {
    long residentId = fixtures.resident();
    fixtures.registerCovidDose(residentId, VrsFixtures.today().minusDays(20), "ファイザー", "FP1");
    String applicationNumber = pittari.submit(fixtures.addresseeNumber(residentId));
    pittari.deliverPendingApplications();
    pittari.redeliverAll();

    List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PROCESS).variableValueEquals("residentId", residentId).list();
    assertThat(started).hasSize(1);
    ProcessInstance instance = started.get(0);
    assertThat(instance).isWaitingAt("CheckCertificateApplication");
    assertThat(jdbc.queryForMap("select channel, application_number from vrs_certificate where id = ?",
        Long.parseLong(instance.getBusinessKey()))).containsEntry("channel", "ELECTRONIC")
        .containsEntry("application_number", applicationNumber);
    driver.complete("staff1", instance, "CheckCertificateApplication", Map.of("certificateDecision", "ISSUE"));
    assertThat(instance).isEnded().hasPassed("CertificateAppliedOnline", "CertificateIssued");
  }

  private void moverRecordsChecked(long residentId) throws Exception {
    ProcessInstance query = fixtures.start(residentId, VrsFixtures.FORMER_CODE);
    driver.complete("super1", query, "ApproveVrsMoverQuery", Map.of("approval", "APPROVE"));
    execute(job("SendVrsMoverQuery", query));
    vrs.deliverPendingAnswers();
    driver.complete("staff2", query, "CheckVrsMoverRecords", Map.of("recordsConfirmed", true));
    assertThat(query).isEnded();
  }

  private Map<String, Object> application(long residentId, String kind) {
    return new HashMap<>(Map.of("addresseeNumber", fixtures.addresseeNumber(residentId), "kind", kind,
        "identityDocument", "MY_NUMBER_CARD"));
  }

  private long prints() {
    return jdbc.queryForObject("select count(*) from audit_event where operation = 'VRS_CERTIFICATE_PRINT'", Long.class);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s", "");
    }
  }
}
