package jp.lg.immunization.resident;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.feed.FeedFixture;
import jp.lg.immunization.resident.feed.FeedFixture.Person;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R05 for residents: staff correct identity items with a reason, the before and after and the user are kept with the
 * source STAFF_ENTRY; a 個人番号 correction is applied only after a supervisor who did not ask for it approves (R03
 * for the number's check digit).
 */
@IntegrationTest
class ResidentIdentityCorrectionProcessTest {

  static final String PROCESS = IdentityCorrections.PROCESS_KEY;

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Person person;
  long residentId;

  @BeforeEach
  void aResidentFromTheFeed() throws Exception {
    BpmnAwareTests.init(engine);
    person = person(LocalDate.of(1988, 8, 8));
    new FeedFixture(context).deliver(file(person.moveIn(serial(), LocalDate.of(2024, 4, 1))));
    residentId = jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class,
        person.addresseeNumber());
  }

  @Test
  void R05_aNameCorrectionByStaffIsAppliedAtOnceWithBeforeAfterReasonAndUser() throws Exception {
    String instanceId = json.readTree(driver.startRequest("staff1", PROCESS, Map.of(
            "addresseeNumber", person.addresseeNumber(), "familyNameKanji", "連繋", "givenNameKanji", "太郎",
            "familyNameKana", "れんけい", "givenNameKana", "タロウ", "reason", "届出書の誤記（戸籍謄本で確認）"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("processInstanceId")
        .asText();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getEndActivityId()).isEqualTo("IdentityCorrected");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .list()).extracting(activity -> activity.getActivityId()).contains("ApplyIdentityCorrection")
        .doesNotContain("ApproveMyNumberCorrection");
    assertThat(jdbc.queryForMap("select family_name_kanji, family_name_kana from resident where id = ?", residentId))
        .containsEntry("family_name_kanji", "連繋").containsEntry("family_name_kana", "レンケイ");
    Map<String, Object> change = jdbc.queryForMap("""
        select source, source_system, kind, reason, recorded_by, before_items::text before, after_items::text after
        from resident_change where resident_id = ? and kind = 'CORRECTED'""", residentId);
    assertThat(change).containsEntry("source", "STAFF_ENTRY").containsEntry("source_system", "職員入力")
        .containsEntry("reason", "届出書の誤記（戸籍謄本で確認）").containsEntry("recorded_by", "staff1");
    assertThat((String) change.get("before")).contains("\"familyNameKanji\": \"連携\"");
    assertThat((String) change.get("after")).contains("\"familyNameKanji\": \"連繋\"");
  }

  @Test
  void R05_aMyNumberCorrectionWaitsForASupervisorWhoDidNotAskForIt() throws Exception {
    MyNumber corrected = MyNumber.withCheckDigit("31415926535");
    ProcessInstance instance = driver.start("super1", PROCESS, Map.of("addresseeNumber", person.addresseeNumber(),
        "myNumber", corrected.digits(), "reason", "個人番号カードで確認した結果、誤登録が判明"));
    assertThat(instance).isWaitingAt("ApproveMyNumberCorrection").task().hasCandidateGroup("supervisor");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()).values())
        .as("no 個人番号 in the engine").noneMatch(value -> String.valueOf(value).contains(corrected.digits()));
    assertThat(myNumberHash()).isNotEqualTo(hashOf(corrected));

    String task = driver.openTaskId(instance, "ApproveMyNumberCorrection");
    driver.perform("super1", post("/api/tasks/" + task + "/claim"), Map.of())
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().claim(task, "super1");
    driver.completeRequest("super1", task, Map.of("decision", "APPROVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().setAssignee(task, null);
    assertThat(myNumberHash()).isNotEqualTo(hashOf(corrected));

    driver.complete("super2", instance, "ApproveMyNumberCorrection", Map.of("decision", "APPROVE"));

    assertThat(instance).isEnded().hasPassed("ApplyIdentityCorrection", "IdentityCorrected");
    assertThat(myNumberHash()).isEqualTo(hashOf(corrected));
    assertThat(jdbc.queryForMap("select status, decided_by from identity_correction where resident_id = ?",
        residentId)).containsEntry("status", "APPLIED").containsEntry("decided_by", "super2");
    assertThat(jdbc.queryForObject("""
        select after_items->>'myNumber' from resident_change where resident_id = ? and kind = 'CORRECTED'""",
        String.class, residentId)).isEqualTo(corrected.masked());
  }

  @Test
  void R05_aRejectedMyNumberCorrectionChangesNothing() throws Exception {
    byte[] before = myNumberHash();
    ProcessInstance instance = driver.start("staff1", PROCESS, Map.of("addresseeNumber", person.addresseeNumber(),
        "myNumber", MyNumber.withCheckDigit("27182818284").digits(), "reason", "本人の申出"));
    driver.complete("super1", instance, "ApproveMyNumberCorrection",
        Map.of("decision", "REJECT", "reason", "本人確認書類が不足"));

    assertThat(instance).isEnded().hasPassed("IdentityCorrectionRejected").hasNotPassed("ApplyIdentityCorrection");
    assertThat(myNumberHash()).isEqualTo(before);
    assertThat(jdbc.queryForMap("select status, rejection_reason from identity_correction where resident_id = ?",
        residentId)).containsEntry("status", "REJECTED").containsEntry("rejection_reason", "本人確認書類が不足");
  }

  @Test
  void R03_aMyNumberWithAWrongCheckDigitIsRefusedAndStartsNothing() throws Exception {
    long corrections = jdbc.queryForObject("select count(*) from identity_correction", Long.class);
    driver.startRequest("staff1", PROCESS, Map.of("addresseeNumber", person.addresseeNumber(),
            "myNumber", "123456789012", "reason", "本人の申出"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.myNumber").value("個人番号の検査用数字が正しくありません"));
    driver.startRequest("staff1", PROCESS, Map.of("addresseeNumber", person.addresseeNumber(), "reason", "なし"))
        .andExpect(status().isBadRequest());
    assertThat(jdbc.queryForObject("select count(*) from identity_correction", Long.class)).isEqualTo(corrections);
  }

  private byte[] myNumberHash() {
    return jdbc.queryForObject("select my_number_hash from resident where id = ?", byte[].class, residentId);
  }

  private byte[] hashOf(MyNumber number) {
    return context.getBean(MyNumberProtector.class).lookupHash(number);
  }
}
