package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A simulated system taken down for a period by an administrator (issue 16): every call fails while it is down, the
 * engine keeps the step's job for its next retry (no incident within the retries), and once the period is over the
 * case goes on by itself.
 */
@IntegrationTest
class SimulatorOutageTest {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired ResidentNetworkSimulator simulator;
  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    simulator.reset();
  }

  @AfterEach
  void tearDown() {
    simulator.reset();
  }

  @Test
  void R02_aLookupDuringAnOutageWaitsForItsRetryAndGoesOnOnceTheSystemIsBack() throws Exception {
    outage("resident-network", 600).andExpect(status().isNoContent());
    ProcessInstance instance = driver.start("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", "ヤマモト テイデン", "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
    for (int attempt = 0; attempt < 2; attempt++) {
      String lookup = management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId();
      assertThatThrownBy(() -> management.executeJob(lookup)).hasMessageContaining("市町村CS");
    }
    assertThat(instance).isWaitingAt("RequestIdentityLookup");
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getRetries())
        .as("retries left").isPositive();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(simulator.receivedRequests()).isEmpty();

    outage("resident-network", 0).andExpect(status().isNoContent());
    execute(job());
    simulator.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("ProposeMatch");
  }

  @Test
  void anUnknownSystemOrPeriodIsRefusedAndOnlyAdministratorsMayAsk() throws Exception {
    outage("no-such-system", 60).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("resident-network")));
    outage("ministry", -1).andExpect(status().isBadRequest());
    mvc.perform(post("/api/admin/simulators/ministry/outage").with(users.as("staff1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 60}")).andExpect(status().isForbidden());
  }

  private ResultActions outage(String system, long seconds) throws Exception {
    return mvc.perform(post("/api/admin/simulators/" + system + "/outage").with(users.as("admin1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": " + seconds + "}"));
  }
}
