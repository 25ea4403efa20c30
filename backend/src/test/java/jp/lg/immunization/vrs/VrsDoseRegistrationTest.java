package jp.lg.immunization.vrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * COVID-19 doses go to VRS as they are registered, corrected and renumbered, keyed by the resident's ticket
 * (接種券番号) and this city's 自治体コード; other vaccines do not; a VRS outage holds up no dose registration and is
 * retried. The registration process has one path (send, end), walked here with camunda-bpm-assert.
 */
@IntegrationTest
class VrsDoseRegistrationTest {

  private static final String CITY = "112020";

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired VrsSimulator vrs;

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
  void aCovidDoseIsRegisteredToVrsWithTheTicketNumberAndTheCityCodeThenCorrectionsAndRenumberingFollow() throws Exception {
    long residentId = fixtures.resident();
    LocalDate autumn = LocalDate.of(VrsFixtures.today().getYear() - 1, 10, 20);
    long doseId = fixtures.registerCovidDose(residentId, autumn, "ファイザー", "FK1234");

    ProcessInstance first = pending(residentId);
    assertThat(first).isWaitingAt("SendDosesToVrs");
    assertThat(engine.getRuntimeService().getVariables(first.getId())).as("DESIGN rule 3").isEmpty();
    execute(job("SendDosesToVrs", first));
    assertThat(first).isEnded().hasPassed("DosesRegisteredToVrs");
    String ticket = jdbc.queryForObject("select ticket_number from vrs_ticket where resident_id = ?", String.class,
        residentId);
    assertThat(ticket).matches("\\d{10}");
    assertThat(vrs.registeredLines()).containsExactly(new VrsPort.DoseLine(VrsPort.DoseLine.Kind.REGISTER, ticket, CITY,
        1, autumn, "ファイザー", "FK1234"));

    Map<String, String> corrected = new HashMap<>(fixtures.covidItems(residentId, autumn, "ファイザー", "FK1235"));
    driver.perform("staff2", put("/api/doses/" + doseId), Map.of("version", 0, "items", corrected,
        "reason", "ロット番号の転記誤り")).andExpect(status().is2xxSuccessful());
    ProcessInstance correction = pending(residentId);
    execute(job("SendDosesToVrs", correction));
    assertThat(vrs.registeredLines()).last().isEqualTo(new VrsPort.DoseLine(VrsPort.DoseLine.Kind.CORRECT, ticket,
        CITY, 1, autumn, "ファイザー", "FK1235"));

    LocalDate earlier = autumn.minusYears(1);
    fixtures.registerCovidDose(residentId, earlier, "モデルナ", "MD0001");
    execute(job("SendDosesToVrs", pending(residentId)));
    assertThat(vrs.registeredLines().subList(2, 4)).containsExactlyInAnyOrder(
        new VrsPort.DoseLine(VrsPort.DoseLine.Kind.REGISTER, ticket, CITY, 1, earlier, "モデルナ", "MD0001"),
        new VrsPort.DoseLine(VrsPort.DoseLine.Kind.CORRECT, ticket, CITY, 2, autumn, "ファイザー", "FK1235"));
    mvc.perform(get("/api/vrs/residents/" + residentId + "/doses").with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.ticketNumber").value(ticket))
        .andExpect(jsonPath("$.municipalityCode").value(CITY)).andExpect(jsonPath("$.doses.length()").value(2))
        .andExpect(jsonPath("$.doses[1].sent").value(true));
  }

  @Test
  void otherVaccinesAreNotSentToVrs() throws Exception {
    long residentId = fixtures.resident();
    long before = registrations();
    driver.perform("staff1", post("/api/doses"), Map.of("items", Map.of("addresseeNumber",
        fixtures.addresseeNumber(residentId), "vaccine", "高齢者肺炎球菌", "doseCategory", "1回",
        "doseDate", VrsFixtures.today().minusDays(3).toString(), "lotNumber", "PN1", "institutionId", "1110101",
        "doctorId", "D1010101"), "confirmWarnings", true)).andExpect(status().isCreated());
    assertThat(registrations()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from vrs_ticket where resident_id = ?", Long.class, residentId))
        .isZero();
  }

  @Test
  void aVrsOutageHoldsUpNoDoseRegistrationAndTheEngineSendsAgain() throws Exception {
    long residentId = fixtures.resident();
    vrs.failNextRequests(1);
    fixtures.registerCovidDose(residentId, VrsFixtures.today().minusDays(30), "ファイザー", "FK9");
    ProcessInstance instance = pending(residentId);
    String jobId = job("SendDosesToVrs", instance).getId();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from vrs_dose where resident_id = ? and sent_revision is null",
        Long.class, residentId)).isEqualTo(1);
    engine.getManagementService().executeJob(jobId);
    assertThat(instance).isEnded();
    assertThat(vrs.registeredLines()).hasSize(1);
  }

  private ProcessInstance pending(long residentId) {
    Long submission = jdbc.queryForObject(
        "select max(pending_submission) from vrs_dose where resident_id = ?", Long.class, residentId);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(VrsRegistrations.PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(submission)).singleResult();
  }

  private long registrations() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(VrsRegistrations.PROCESS_KEY)
        .count();
  }
}
