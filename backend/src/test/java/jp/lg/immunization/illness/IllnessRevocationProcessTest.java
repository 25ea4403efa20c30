package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of the revocation of a 長期療養特例 (LongTermIllnessRevocation), driven through the app's API with the
 * engine's state checked by camunda-bpm-assert: revoked by a supervisor who did not propose it (the extensions leave
 * eligibility), kept in force with the reason; only a case in force can be revoked, once at a time.
 */
@IntegrationTest
class IllnessRevocationProcessTest {

  private static final String PROCESS = IllnessExceptions.REVOCATION_PROCESS_KEY;

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApprovedExtensions extensions;

  private IllnessFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new IllnessFixtures(driver, context);
  }

  /** A case of a new resident, approved by super1: in force for MR and BCG. */
  private ProcessInstance inForce(long residentId) throws Exception {
    ProcessInstance recorded = fixtures.start(residentId);
    driver.complete("super1", recorded, "ApproveLongTermIllnessException", Map.of("approval", "APPROVE"));
    return recorded;
  }

  private Map<String, Object> proposal(ProcessInstance exception) {
    return Map.of("exceptionId", fixtures.id(exception), "reason", "意見書の療養期間が別人のものだった（医療機関に確認）");
  }

  @Test
  void aRevocationApprovedByASupervisorWhoDidNotProposeItEndsTheExtensions() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance exception = inForce(residentId);
    ProcessInstance revocation = driver.start("super2", PROCESS, proposal(exception));

    assertThat(revocation).isWaitingAt("ApproveLongTermIllnessRevocation");
    assertThat(revocation.getBusinessKey()).isEqualTo(exception.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariables(revocation.getId()))
        .as("DESIGN rule 3: ids only, no reason in the engine").containsOnlyKeys("residentId", "startedBy");
    assertThat(fixtures.exception(exception)).containsEntry("status", "REVOCATION_PENDING")
        .containsEntry("revocation_proposed_by", "super2");
    assertThat(extensions.of(residentId)).as("still in force until the revocation is approved").hasSize(2);

    String approval = driver.openTaskId(revocation, "ApproveLongTermIllnessRevocation");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super1", revocation, "ApproveLongTermIllnessRevocation", Map.of("revocation", "APPROVE"));

    assertThat(revocation).isEnded().hasPassed("ExceptionRevoked");
    assertThat(fixtures.exception(exception)).containsEntry("status", "REVOKED").containsEntry("revoked_by", "super1");
    assertThat(extensions.of(residentId)).isEmpty();
    assertThat(fixtures.timeline(exception)).containsSubsequence("RECORDED", "APPROVED", "REVOCATION_PROPOSED",
        "REVOKED");
    assertThat(jdbc.queryForList("select description from illness_exception_event where exception_id = ?"
        + " and kind = 'STEP' order by id", String.class, fixtures.id(exception)))
        .as("each step and end reached, named as the BPMN names it").containsSubsequence("手順: 特例の承認（上長）",
            "終了: 特例を適用", "手順: 特例の取消しの承認（上長）", "終了: 特例を取消し");
    driver.startRequest("staff1", PROCESS, proposal(exception)).andExpect(status().isConflict())
        .andExpect(jsonPath("$.message", containsString("適用中")));
  }

  @Test
  void theDatabaseRefusesARevocationApprovedByItsProposer() throws Exception {
    ProcessInstance exception = inForce(fixtures.residentId());
    driver.start("staff1", PROCESS, proposal(exception));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
            "update illness_exception set revoked_by = revocation_proposed_by where id = ?", fixtures.id(exception)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aSupervisorMayKeepTheCaseInForceWithTheReason() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance exception = inForce(residentId);
    ProcessInstance revocation = driver.start("staff2", PROCESS, proposal(exception));
    driver.startRequest("staff1", PROCESS, proposal(exception)).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("revocation_pending"));

    String approval = driver.claim("super2", revocation, "ApproveLongTermIllnessRevocation");
    driver.completeRequest("super2", approval, Map.of("revocation", "REJECT")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("super2", approval, Map.of("revocation", "REJECT", "reason", "療養期間は本人のものと確認できた"))
        .andExpect(status().isNoContent());

    assertThat(revocation).isEnded().hasPassed("ExceptionKeptInForce");
    assertThat(fixtures.exception(exception)).containsEntry("status", "IN_FORCE")
        .containsEntry("revocation_reason", null).containsEntry("revoked_by", null);
    assertThat(extensions.of(residentId)).hasSize(2);
    assertThat(fixtures.timeline(exception)).containsSubsequence("REVOCATION_PROPOSED", "REVOCATION_REFUSED");
  }

  @Test
  void onlyACaseInForceCanBeRevokedAndAnUnknownNumberIsRefusedByField() throws Exception {
    ProcessInstance awaiting = fixtures.start(fixtures.residentId());
    driver.startRequest("staff2", PROCESS, proposal(awaiting)).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("not_in_force"));
    driver.startRequest("staff2", PROCESS, Map.of("exceptionId", 999_999_999, "reason", "誤り"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.exceptionId").exists());
    driver.startRequest("staff2", PROCESS, Map.of("exceptionId", fixtures.id(awaiting), "reason", " "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());

    assertThat(fixtures.exception(awaiting)).containsEntry("status", "AWAITING_APPROVAL");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(awaiting.getBusinessKey()).count()).isZero();
  }
}
