package jp.lg.immunization.infonetwork.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.infonetwork.network.IntermediateServerSimulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Every path of 情報提供 (R16, R17, R18, R25), requests arriving from the simulated network. */
@IntegrationTest
class InformationProvisionProcessTest {

  private static final String FUKUHON = "{\"doses\":[{\"vaccine\":\"MR\",\"category\":\"1期\",\"date\":\"2021-05-10\"}]}";

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired IntermediateServerSimulator network;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProvisionRequests provisionRequests;

  private long residentId;
  private String addresseeNumber;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    network.reset();
    residentId = jdbc.queryForObject("""
        select id from resident r where not exists (select 1 from non_disclosure_setting s where s.resident_id = r.id)
          and not exists (select 1 from provision_request p where p.resident_id = r.id)
        order by id desc limit 1""", Long.class);
    addresseeNumber = jdbc.queryForObject("select addressee_number from resident where id = ?", String.class, residentId);
  }

  @AfterEach
  void tearDown() {
    network.reset();
  }

  @Test
  void R25_aPermittedRequestIsAnsweredAutomaticallyFromTheFukuhonAndRecorded() throws Exception {
    registerFukuhon();
    ProcessInstance instance = receive(InformationItem.VACCINATION_RECORD);
    assertThat(instance).isWaitingAt("AnswerAutomatically");
    execute(job());
    assertThat(instance).isEnded().hasPassed("ProvidedAutomatically").hasNotPassed("ReviewProvision");
    assertThat(network.provisionAnswers()).singleElement().satisfies(answer -> {
      assertThat(answer.kind()).isEqualTo(IntermediateServerPort.ProvisionKind.PROVIDED);
      assertThat(answer.content()).contains("MR");
    });
    assertThat(record(instance)).containsEntry("kind", "PROVISION").containsEntry("requested_by", "架空県架空町")
        .containsEntry("outcome", "PROVIDED_AUTOMATICALLY");
  }

  @Test
  void R16_aResidentUnderNonDisclosureIsNeverProvidedAutomatically() throws Exception {
    registerFukuhon();
    mvc.perform(post("/api/admin/non-disclosure").with(users.as("admin1"))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .contentType("application/json")
            .content("{\"addresseeNumber\":\"" + addresseeNumber + "\",\"reason\":\"DV_PROTECTION\"}"))
        .andExpect(status().isCreated());
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'NON_DISCLOSURE_SET' and resident_id = ?",
        Long.class, residentId)).isEqualTo(1);

    ProcessInstance instance = receive(InformationItem.VACCINATION_RECORD);
    assertThat(instance).isWaitingAt("ReviewProvision").hasNotPassed("AnswerAutomatically");
    assertThat(network.provisionAnswers()).isEmpty();

    driver.complete("staff1", instance, "ReviewProvision", Map.of("decision", "WITHHOLD", "note", "支援措置対象者"));
    execute(job());
    assertThat(instance).isEnded().hasPassed("ProvisionRefused");
    assertThat(network.provisionAnswers()).singleElement().satisfies(answer -> {
      assertThat(answer.kind()).isEqualTo(IntermediateServerPort.ProvisionKind.REFUSED);
      assertThat(answer.content()).isNull();
    });
  }

  @Test
  void R16_nonDisclosureSetAfterRoutingStillStopsTheAutomaticAnswer() throws Exception {
    registerFukuhon();
    ProcessInstance instance = receive(InformationItem.VACCINATION_RECORD);
    assertThat(instance).isWaitingAt("AnswerAutomatically");
    jdbc.update("insert into non_disclosure_setting (resident_id, reason, set_by, set_at) values (?, 'DV_PROTECTION', 'admin1', now())",
        residentId);
    execute(job());
    assertThat(instance).isWaitingAt("ReviewProvision");
    assertThat(network.provisionAnswers()).isEmpty();
  }

  @Test
  void R17_anItemFlaggedNoAutoResponseIsSentOnlyAfterReviewAndSupervisorApproval() throws Exception {
    ProcessInstance instance = receive(InformationItem.RELIEF_BENEFIT);
    assertThat(instance).isWaitingAt("ReviewProvision");
    driver.complete("staff1", instance, "ReviewProvision", Map.of("decision", "PROVIDE", "content", "給付なし"));
    assertThat(instance).isWaitingAt("ApproveProvision");
    assertThat(network.provisionAnswers()).as("nothing sent before approval").isEmpty();

    driver.complete("super1", instance, "ApproveProvision", Map.of("decision", "APPROVE"));
    execute(job());
    assertThat(instance).isEnded().hasPassed("ProvidedManually");
    assertThat(network.provisionAnswers()).singleElement().extracting(IntermediateServerPort.ProvisionAnswer::content)
        .isEqualTo("給付なし");
    assertThat(record(instance)).containsEntry("approved_by", "super1").containsEntry("outcome", "PROVIDED_MANUALLY");
  }

  @Test
  void R17_theReviewerCannotApproveTheirOwnReviewAndARejectionGoesBackToReview() throws Exception {
    ProcessInstance instance = receive(InformationItem.RELIEF_BENEFIT);
    driver.complete("super1", instance, "ReviewProvision", Map.of("decision", "PROVIDE", "content", "給付なし"));
    String approval = driver.openTaskId(instance, "ApproveProvision");
    engine.getTaskService().claim(approval, "super1");
    driver.completeRequest("super1", approval, Map.of("decision", "APPROVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().setAssignee(approval, null);

    driver.complete("super2", instance, "ApproveProvision", Map.of("decision", "REJECT", "reason", "内容を再確認"));
    assertThat(instance).isWaitingAt("ReviewProvision");
    assertThat(network.provisionAnswers()).isEmpty();
  }

  @Test
  void R18_whenTheAutomaticAnswerFailsAManualProvisionNeedsSupervisorConfirmationFirst() throws Exception {
    ProcessInstance instance = receive(InformationItem.VACCINATION_RECORD);
    assertThat(instance).isWaitingAt("AnswerAutomatically");
    execute(job());
    assertThat(instance).hasPassed("AutomaticAnswerFailed").isWaitingAt("ReviewProvision");
    assertThat(jdbc.queryForObject("select review_reason from provision_request where id = ?", String.class,
        Long.parseLong(instance.getBusinessKey()))).isEqualTo("AUTOMATIC_ANSWER_FAILED");

    driver.complete("staff2", instance, "ReviewProvision", Map.of("decision", "PROVIDE", "content", "接種記録なし"));
    assertThat(network.provisionAnswers()).isEmpty();
    driver.complete("super1", instance, "ApproveProvision", Map.of("decision", "APPROVE"));
    execute(job());
    assertThat(instance).isEnded().hasPassed("ProvidedManually");
  }

  @Test
  void aRequestForInformationThisAffairMayNotProvideIsRefusedAutomatically() throws Exception {
    registerFukuhon();
    ProcessInstance instance = receive(InformationItem.LOCAL_TAX);
    assertThat(instance).isWaitingAt("RefuseProvision");
    execute(job());
    assertThat(instance).isEnded().hasPassed("ProvisionRefused").hasNotPassed("ReviewProvision");
    assertThat(network.provisionAnswers()).singleElement().extracting(IntermediateServerPort.ProvisionAnswer::content).isNull();
  }

  @Test
  void aRequestDeliveredTwiceStartsOneCase() {
    long first = network.requestProvision(residentId, InformationItem.RELIEF_BENEFIT, LegalBasis.ACT19_8_TABLE14, "架空県架空町");
    String networkRequestId = jdbc.queryForObject("select network_request_id from provision_request where id = ?", String.class, first);
    long again = provisionRequests.receive(networkRequestId, jdbc.queryForObject(
        "select code from network_code where resident_id = ?", String.class, residentId),
        InformationItem.RELIEF_BENEFIT, LegalBasis.ACT19_8_TABLE14, "架空県架空町");
    assertThat(again).isEqualTo(first);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(first))
        .processDefinitionKey(ProvisionRequests.PROCESS_KEY).count()).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsManageNonDisclosureAndTheSimulator() throws Exception {
    mvc.perform(get("/api/admin/non-disclosure").with(users.as("super1"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/simulators/intermediate-server/log").with(users.as("staff1"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/non-disclosure").with(users.as("admin1"))).andExpect(status().isOk());
  }

  private ProcessInstance receive(InformationItem item) {
    long id = network.requestProvision(residentId, item, LegalBasis.ACT19_8_TABLE14, "架空県架空町");
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .processDefinitionKey(ProvisionRequests.PROCESS_KEY).singleResult();
  }

  private void registerFukuhon() {
    jdbc.update("""
        insert into fukuhon (resident_id, information_item, content, registered_at, registered_by)
        values (?, 'VACCINATION_RECORD', ?::jsonb, now(), 'staff1') on conflict do nothing""", residentId, FUKUHON);
  }

  private Map<String, Object> record(ProcessInstance instance) {
    return jdbc.queryForMap("select * from provision_record where provision_request_id = ?",
        Long.parseLong(instance.getBusinessKey()));
  }
}
