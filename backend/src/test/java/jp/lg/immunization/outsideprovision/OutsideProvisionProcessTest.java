package jp.lg.immunization.outsideprovision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of the provision outside the network (R13), driven through the app's API, with the engine's state checked
 * by camunda-bpm-assert: confirmed and sent; sent back, corrected, confirmed and sent; sent back and withdrawn; not
 * provided; and the four-eyes rule against the recorder and the corrector.
 */
@IntegrationTest
class OutsideProvisionProcessTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;

  private OutsideProvisionFixtures fixtures;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    fixtures = new OutsideProvisionFixtures(driver, context);
  }

  @Test
  void R13_aProvisionIsSentOnlyAfterASecondStaffMemberConfirmedItsContentAndRecipient() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());

    assertThat(instance).isWaitingAt("ConfirmOutsideProvision");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("DESIGN rule 3: ids only, no recipient or content in the engine").containsOnlyKeys("residentId", "startedBy");
    assertThat(fixtures.provision(instance)).containsEntry("status", "AWAITING_CONFIRMATION")
        .containsEntry("recorded_by", "staff1").containsEntry("method", "EMAIL").containsEntry("confirmed_by", null);

    String confirm = driver.claim("staff2", instance, "ConfirmOutsideProvision");
    driver.completeRequest("staff2", confirm, Map.of("approval", "APPROVE", "contentChecked", true))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.recipientChecked").exists());
    assertThat(instance).isWaitingAt("ConfirmOutsideProvision");
    driver.completeRequest("staff2", confirm, OutsideProvisionFixtures.confirmation()).andExpect(status().isNoContent());

    assertThat(instance).isWaitingAt("RecordOutsideProvisionSent");
    assertThat(fixtures.provision(instance)).containsEntry("status", "CONFIRMED").containsEntry("confirmed_by", "staff2")
        .containsEntry("sent_at", null);
    String send = driver.claim("staff1", instance, "RecordOutsideProvisionSent");
    driver.completeRequest("staff1", send, Map.of("sentOn", OutsideProvisionFixtures.today().plusDays(1).toString()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.sentOn").exists());
    driver.completeRequest("staff1", send, Map.of("sentOn", OutsideProvisionFixtures.today().toString(),
        "sendNote", "パスワードは別の電子メールで送付")).andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("OutsideProvisionSent");
    assertThat(fixtures.provision(instance)).containsEntry("status", "SENT").containsEntry("sent_by", "staff1")
        .containsEntry("send_note", "パスワードは別の電子メールで送付");
    assertThat(fixtures.timeline(instance)).containsSubsequence("RECORDED", "CONFIRMED", "SENT");
  }

  @Test
  void R13_theRecorderCannotConfirmTheirOwnProvisionEvenAsASupervisor() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance instance = driver.start("super1", OutsideProvisionFixtures.PROCESS, fixtures.recording(residentId));
    String confirm = driver.openTaskId(instance, "ConfirmOutsideProvision");

    mvc.perform(post("/api/tasks/" + confirm + "/claim").with(users.as("super1")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    assertThat(instance).isWaitingAt("ConfirmOutsideProvision");
    assertThat(fixtures.provision(instance)).containsEntry("confirmed_by", null);
  }

  @Test
  void R13_aSentBackProvisionIsCorrectedAndTheCorrectorCannotConfirmIt() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());
    String confirm = driver.claim("staff2", instance, "ConfirmOutsideProvision");
    driver.completeRequest("staff2", confirm, Map.of("approval", "SEND_BACK")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    driver.completeRequest("staff2", confirm, Map.of("approval", "SEND_BACK", "reason", "宛先のアドレスを転入届で確認"))
        .andExpect(status().isNoContent());

    assertThat(instance).isWaitingAt("ReviseOutsideProvision");
    assertThat(fixtures.provision(instance)).containsEntry("status", "SENT_BACK");
    Map<String, Object> corrected = OutsideProvisionFixtures.details();
    corrected.put("recipientContact", "yobou@town.example.lg.jp");
    corrected.put("revision", "RESUBMIT");
    driver.complete("super2", instance, "ReviseOutsideProvision", corrected);

    assertThat(instance).isWaitingAt("ConfirmOutsideProvision");
    String again = driver.openTaskId(instance, "ConfirmOutsideProvision");
    mvc.perform(post("/api/tasks/" + again + "/claim").with(users.as("super2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    driver.complete("staff2", instance, "ConfirmOutsideProvision", OutsideProvisionFixtures.confirmation());
    driver.complete("staff2", instance, "RecordOutsideProvisionSent",
        Map.of("sentOn", OutsideProvisionFixtures.today().toString()));

    assertThat(instance).isEnded().hasPassed("RevisionDecision", "OutsideProvisionSent");
    assertThat(fixtures.provision(instance)).containsEntry("recipient_contact", "yobou@town.example.lg.jp")
        .containsEntry("revised_by", "super2").containsEntry("confirmed_by", "staff2").containsEntry("status", "SENT");
    assertThat(fixtures.timeline(instance)).containsSubsequence("RECORDED", "SENT_BACK", "REVISED", "CONFIRMED", "SENT");
  }

  @Test
  void aSentBackProvisionIsWithdrawnWithItsReason() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());
    driver.complete("staff2", instance, "ConfirmOutsideProvision",
        Map.of("approval", "SEND_BACK", "reason", "提供の根拠を確認"));
    Map<String, Object> withdrawal = OutsideProvisionFixtures.details();
    withdrawal.put("revision", "WITHDRAW");
    String revise = driver.claim("staff1", instance, "ReviseOutsideProvision");
    driver.completeRequest("staff1", revise, withdrawal).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.withdrawalReason").exists());
    withdrawal.put("withdrawalReason", "転出先が情報提供ネットワークシステムで照会することになった");
    driver.completeRequest("staff1", revise, withdrawal).andExpect(status().isNoContent());

    assertThat(instance).isEnded().hasPassed("OutsideProvisionWithdrawn");
    assertThat(fixtures.provision(instance)).containsEntry("status", "WITHDRAWN").containsEntry("confirmed_by", null)
        .containsEntry("sent_at", null);
  }

  @Test
  void aProvisionThatShouldNotBeMadeIsRefusedWithTheReasonAndNeverSent() throws Exception {
    ProcessInstance instance = fixtures.start(fixtures.residentId());
    driver.complete("super1", instance, "ConfirmOutsideProvision",
        Map.of("approval", "REJECT", "reason", "提供先が定められた提供先ではない"));

    assertThat(instance).isEnded().hasPassed("OutsideProvisionRejected").hasNotPassed("RecordOutsideProvisionSent");
    assertThat(fixtures.provision(instance)).containsEntry("status", "REJECTED").containsEntry("sent_at", null)
        .containsEntry("decision_reason", "提供先が定められた提供先ではない");
  }
}
