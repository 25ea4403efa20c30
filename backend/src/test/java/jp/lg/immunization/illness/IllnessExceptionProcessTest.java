package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.LegalDates;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of the 長期療養特例 process, driven through the app's API as staff and supervisors would, with the
 * engine's state checked by camunda-bpm-assert: approved, sent back then corrected and approved, sent back and
 * withdrawn, rejected; the four-eyes rule against the recorder and the corrector.
 */
@IntegrationTest
class IllnessExceptionProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;

  private IllnessFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new IllnessFixtures(driver, context);
  }

  @Test
  void aRecordedCaseIsApprovedByAnotherSupervisorAndIsInForceWithEachVaccinesLastDay() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance instance = fixtures.start(residentId);

    assertThat(instance).isWaitingAt("ApproveLongTermIllnessException");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("DESIGN rule 3: ids only, no illness or doctor in the engine").containsOnlyKeys("residentId", "startedBy");
    LocalDate twoYears = LegalDates.monthsReachedOn(IllnessFixtures.illnessEnded(), 24);
    LocalDate bcgLimit = LegalDates.yearsReachedOn(IllnessFixtures.birth(), 4);
    assertThat(fixtures.extensions(instance)).containsEntry("MR", twoYears)
        .containsEntry("BCG", twoYears.isBefore(bcgLimit) ? twoYears : bcgLimit);
    assertThat(fixtures.exception(instance)).containsEntry("status", "AWAITING_APPROVAL")
        .containsEntry("recorded_by", "staff1").containsEntry("disease_category", "IMMUNOSUPPRESSIVE_TREATMENT");

    driver.complete("super1", instance, "ApproveLongTermIllnessException", Map.of("approval", "APPROVE"));

    assertThat(instance).isEnded().hasPassed("ExceptionInForce");
    assertThat(fixtures.exception(instance)).containsEntry("status", "IN_FORCE").containsEntry("decided_by", "super1");
    assertThat(fixtures.timeline(instance)).containsSubsequence("RECORDED", "APPROVED").doesNotContain("SENT_BACK");
  }

  @Test
  void theRecorderCannotApproveEvenAsASupervisor() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance instance = driver.start("super1", IllnessFixtures.PROCESS,
        fixtures.recording(fixtures.addresseeNumber(residentId), List.of("MR")));
    String approval = driver.openTaskId(instance, "ApproveLongTermIllnessException");

    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(instance).isWaitingAt("ApproveLongTermIllnessException");
    assertThat(fixtures.exception(instance)).containsEntry("status", "AWAITING_APPROVAL")
        .containsEntry("decided_by", null);
  }

  @Test
  void aSentBackCaseIsCorrectedByStaffAndTheCorrectorCannotApproveIt() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());
    String approval = driver.claim("super1", instance, "ApproveLongTermIllnessException");
    driver.completeRequest("super1", approval, Map.of("approval", "SEND_BACK")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("super1", approval, Map.of("approval", "SEND_BACK", "reason", "療養の終わりの日付を意見書で確認"))
        .andExpect(status().isNoContent());

    assertThat(instance).isWaitingAt("ReviseLongTermIllnessException");
    assertThat(fixtures.exception(instance)).containsEntry("status", "SENT_BACK")
        .containsEntry("decision_reason", "療養の終わりの日付を意見書で確認");
    Map<String, Object> corrected = fixtures.recording("", List.of("MR"));
    corrected.remove("addresseeNumber");
    corrected.put("illnessTo", IllnessFixtures.illnessEnded().minusDays(5).toString());
    corrected.put("revision", "RESUBMIT");
    driver.complete("super2", instance, "ReviseLongTermIllnessException", corrected);

    assertThat(instance).isWaitingAt("ApproveLongTermIllnessException");
    assertThat(fixtures.extensions(instance)).containsOnlyKeys("MR")
        .containsEntry("MR", LegalDates.monthsReachedOn(IllnessFixtures.illnessEnded().minusDays(5), 24));
    String again = driver.openTaskId(instance, "ApproveLongTermIllnessException");
    mvc.perform(post("/api/tasks/" + again + "/claim").with(users.as("super2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("super1", instance, "ApproveLongTermIllnessException", Map.of("approval", "APPROVE"));

    assertThat(instance).isEnded().hasPassed("RevisionDecision", "ExceptionInForce");
    assertThat(fixtures.exception(instance)).containsEntry("status", "IN_FORCE").containsEntry("revised_by", "super2")
        .containsEntry("decided_by", "super1");
    assertThat(fixtures.timeline(instance)).containsSubsequence("RECORDED", "SENT_BACK", "REVISED", "APPROVED");
  }

  @Test
  void aSentBackCaseIsWithdrawnWithItsReason() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());
    driver.complete("super1", instance, "ApproveLongTermIllnessException",
        Map.of("approval", "SEND_BACK", "reason", "特例の疾病に当たるか確認"));
    Map<String, Object> withdrawal = fixtures.recording("", List.of("MR", "BCG"));
    withdrawal.remove("addresseeNumber");
    withdrawal.put("revision", "WITHDRAW");
    String revise = driver.claim("staff2", instance, "ReviseLongTermIllnessException");
    driver.completeRequest("staff2", revise, withdrawal).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.withdrawalReason").exists());
    withdrawal.put("withdrawalReason", "意見書の疾病が特例の対象外だった");
    driver.completeRequest("staff2", revise, withdrawal).andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("ExceptionWithdrawn");
    assertThat(fixtures.exception(instance)).containsEntry("status", "WITHDRAWN").containsEntry("decided_by", null)
        .containsEntry("decision_reason", "意見書の疾病が特例の対象外だった");
  }

  @Test
  void aRejectedCaseNeedsTheReasonAndGivesNoExtension() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance instance = fixtures.start(residentId);
    driver.complete("super2", instance, "ApproveLongTermIllnessException",
        Map.of("approval", "REJECT", "reason", "定期接種の期間中に療養していなかった"));

    assertThat(instance).isEnded().hasPassed("ExceptionRejected");
    assertThat(fixtures.exception(instance)).containsEntry("status", "REJECTED").containsEntry("decided_by", "super2");
    assertThat(context.getBean(ApprovedExtensions.class).of(residentId)).isEmpty();
  }
}
