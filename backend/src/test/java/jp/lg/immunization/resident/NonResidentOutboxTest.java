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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.OutboundRelay;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The durable outbox on the 市町村CS port (issue 16): a lookup whose answer was lost in a crash is sent again by the
 * relay and the case goes on; an answer delivered twice moves the case once. And the system taken down for a period by
 * an administrator: every call fails while it is down, the engine keeps the step's job for its next retry (no incident
 * within the retries), and once the period is over the case goes on.
 */
@IntegrationTest
class NonResidentOutboxTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired ResidentNetworkSimulator simulator;
  @Autowired OutboundRelay relay;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessDriver driver;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
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
  void R02_aLookupWhoseAnswerWasLostInACrashIsSentAgainAndTheCaseGoesOn() throws Exception {
    ProcessInstance instance = sentLookup("タカハシ ジロウ");
    String requestId = requestIdOf(instance);
    assertThat(outbox(requestId)).containsEntry("status", "AWAITING_ANSWER").containsEntry("sends", 1);

    // The JVM dies after the commit: the other side's pending answer never reaches this app.
    simulator.reset();
    relay.relay();
    assertThat(simulator.receivedRequests()).as("not due yet").isEmpty();

    makeDue(requestId);
    relay.relay();
    assertThat(simulator.receivedRequests()).containsExactly(requestId);
    assertThat(outbox(requestId)).containsEntry("status", "AWAITING_ANSWER").containsEntry("sends", 2);

    simulator.deliverPendingAnswers();
    assertThat(instance).isWaitingAt("ProposeMatch");
    assertThat(outbox(requestId)).containsEntry("status", "ANSWERED").containsEntry("answers", 1);
    makeDue(requestId);
    relay.relay();
    assertThat(simulator.receivedRequests()).as("an answered call is not sent again").containsExactly(requestId);
  }

  @Test
  void R02_anAnswerDeliveredTwiceMovesTheCaseOnce() throws Exception {
    ProcessInstance instance = sentLookup("イトウ サブロウ");
    String requestId = requestIdOf(instance);
    simulator.deliverPendingAnswers();
    simulator.redeliver(requestId, new IdentityQuery("イトウ サブロウ", java.time.LocalDate.of(1960, 4, 1), Sex.MALE));

    assertThat(instance).isWaitingAt("ProposeMatch");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(outbox(requestId)).containsEntry("status", "ANSWERED").containsEntry("answers", 2);
  }

  @Test
  void R02_aLookupTheNetworkRefusedIsNotRecordedAsSent() throws Exception {
    simulator.failNextRequests(1);
    ProcessInstance instance = driver.start("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", "ワタナベ シロウ", "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
    assertThat(instance).isWaitingAt("RequestIdentityLookup");
    try {
      execute(job());
    } catch (RuntimeException expected) {
      // The engine retries the job; nothing left the city.
    }
    assertThat(jdbc.queryForObject("select count(*) from outbound_call where request_id = ?", Long.class,
        requestIdOf(instance))).isZero();
  }

  private ProcessInstance sentLookup(String nameKana) throws Exception {
    ProcessInstance instance = driver.start("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", nameKana, "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
    assertThat(instance).isWaitingAt("RequestIdentityLookup");
    execute(job());
    assertThat(instance).isWaitingAt("AwaitIdentityAnswer");
    return instance;
  }

  @Test
  void R02_aLookupThroughATenMinuteOutageWaitsOutItsRetriesAndGoesOnByItselfOnceTheSystemIsBack()
      throws Exception {
    outage("resident-network", 86_400).andExpect(status().isNoContent());
    ProcessInstance instance = driver.start("staff1", NonResidentCases.PROCESS_KEY, Map.of(
        "nameKana", "ヤマモト テイデン", "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
    Instant outageStart = ClockUtil.getCurrentTime().toInstant();
    try {
      // The job executor runs the step at each due date the retry cycle sets; the engine's clock follows them.
      Instant now = outageStart;
      while (Duration.between(outageStart, now).compareTo(Duration.ofMinutes(10)) < 0) {
        Job lookup = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(lookup.getId())).hasMessageContaining("市町村CS");
        Job retry = management.createJobQuery().jobId(lookup.getId()).singleResult();
        assertThat(retry.getRetries()).as("retries left %s after the outage began", Duration.between(outageStart, now))
            .isPositive();
        now = retry.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
      }
      assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(simulator.receivedRequests()).isEmpty();

      outage("resident-network", 0).andExpect(status().isNoContent());
      assertThat(instance).isWaitingAt("RequestIdentityLookup");
      execute(job());
      simulator.deliverPendingAnswers();
      assertThat(instance).isWaitingAt("ProposeMatch");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void anUnknownSystemOrPeriodIsRefusedAndOnlyAdministratorsMayAsk() throws Exception {
    outage("no-such-system", 60).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.stringContainsInOrder("city-linkage",
            "integrated-addressee", "intermediate-server", "ministry", "resident-network", "vrs")));
    outage("ministry", -1).andExpect(status().isBadRequest());
    mvc.perform(post("/api/admin/simulators/ministry/outage").with(users.as("staff1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 60}")).andExpect(status().isForbidden());
  }

  private ResultActions outage(String system, long seconds) throws Exception {
    return mvc.perform(post("/api/admin/simulators/" + system + "/outage").with(users.as("admin1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": " + seconds + "}"));
  }

  private String requestIdOf(ProcessInstance instance) {
    return NonResidentCases.requestIdOf(Long.parseLong(instance.getBusinessKey()));
  }

  private Map<String, Object> outbox(String requestId) {
    return jdbc.queryForMap("""
        select status, sends, answers from outbound_call where system = 'resident-network' and request_id = ?""",
        requestId);
  }

  /** As if the resend interval had passed. */
  private void makeDue(String requestId) {
    jdbc.update("update outbound_call set next_send_at = now() - interval '1 second' where request_id = ?", requestId);
  }
}
