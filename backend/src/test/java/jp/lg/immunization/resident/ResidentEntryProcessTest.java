package jp.lg.immunization.resident;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of 職権記載 by staff (ResidentEntryByStaff): a resident the feed has not brought is registered only after a
 * supervisor who did not ask for it approves (R05), with the source STAFF_ENTRY, the reason and the user (R01);
 * a rejection registers nobody; bad input (R03) starts nothing.
 */
@IntegrationTest
class ResidentEntryProcessTest {

  static final String PROCESS = ResidentEntries.PROCESS_KEY;
  private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  MyNumber myNumber;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    myNumber = MyNumber.withCheckDigit(String.format("%011d", 66_000_000_000L + NUMBERS.incrementAndGet()));
  }

  @Test
  void R01_R05_anEntryApprovedByAnotherSupervisorRegistersTheResidentWithSourceReasonAndUser() throws Exception {
    ProcessInstance instance = driver.start("super1", PROCESS, entry(myNumber.digits()));
    assertThat(instance).isWaitingAt("ApproveResidentEntry").task().hasCandidateGroup("supervisor");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()).values().toString())
        .as("no personal data in the engine").doesNotContain(myNumber.digits(), "ショクケン");
    assertThat(registered()).isNull();

    // Whoever asked for the entry cannot approve it, neither by claiming nor holding the task.
    String task = driver.openTaskId(instance, "ApproveResidentEntry");
    driver.perform("super1", post("/api/tasks/" + task + "/claim"), Map.of())
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().claim(task, "super1");
    driver.completeRequest("super1", task, Map.of("decision", "APPROVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().setAssignee(task, null);
    assertThat(registered()).isNull();

    driver.complete("super2", instance, "ApproveResidentEntry", Map.of("decision", "APPROVE"));

    assertThat(instance).isEnded().hasPassed("RegisterEnteredResident", "ResidentEntered");
    Long residentId = registered();
    assertThat(residentId).isNotNull();
    assertThat(jdbc.queryForMap("""
        select status, source, source_system, family_name_kanji, family_name_kana, birth_date::text birth, sex,
               address, my_number_hash is not null has_my_number
        from resident where id = ?""", residentId))
        .containsEntry("status", "REGISTERED").containsEntry("source", "STAFF_ENTRY")
        .containsEntry("source_system", "職員入力").containsEntry("family_name_kanji", "職権")
        .containsEntry("family_name_kana", "ショクケン").containsEntry("birth", "2020-02-02")
        .containsEntry("sex", "FEMALE").containsEntry("address", "埼玉県熊谷市宮町二丁目2番2号")
        .containsEntry("has_my_number", true);
    assertThat(jdbc.queryForMap("""
        select kind, source, reason, recorded_by, after_items->>'myNumber' masked from resident_change
        where resident_id = ?""", residentId))
        .containsEntry("kind", "REGISTERED_EX_OFFICIO").containsEntry("source", "STAFF_ENTRY")
        .containsEntry("reason", "転入届の連携が遅れているため（転入届の写しで確認）").containsEntry("recorded_by", "super1")
        .containsEntry("masked", myNumber.masked());
    assertThat(jdbc.queryForMap("select status, decided_by from resident_entry where resident_id = ?", residentId))
        .containsEntry("status", "REGISTERED").containsEntry("decided_by", "super2");
  }

  @Test
  void R05_aRejectedEntryRegistersNobody() throws Exception {
    long residents = jdbc.queryForObject("select count(*) from resident", Long.class);
    ProcessInstance instance = driver.start("staff1", PROCESS, entry(""));
    String task = driver.claim("super1", instance, "ApproveResidentEntry");
    driver.completeRequest("super1", task, Map.of("decision", "REJECT"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    driver.complete("super1", instance, "ApproveResidentEntry",
        Map.of("decision", "REJECT", "reason", "本人確認書類が不足"));

    assertThat(instance).isEnded().hasPassed("ResidentEntryRejected").hasNotPassed("RegisterEnteredResident");
    assertThat(jdbc.queryForObject("select count(*) from resident", Long.class)).isEqualTo(residents);
    assertThat(jdbc.queryForMap("select status, rejection_reason from resident_entry where id = ?::bigint",
        instance.getBusinessKey()))
        .containsEntry("status", "REJECTED").containsEntry("rejection_reason", "本人確認書類が不足");
  }

  @Test
  void R05_anApprovalIsRefusedWhenTheFeedHasBroughtThePersonMeanwhile() throws Exception {
    ProcessInstance instance = driver.start("staff1", PROCESS, entry(myNumber.digits()));
    FeedFixture.Person arrived = new FeedFixture.Person(person(LocalDate.of(2020, 2, 2)).addresseeNumber(), null,
        myNumber, LocalDate.of(2020, 2, 2));
    new FeedFixture(context).deliver(file(arrived.moveIn(serial(), LocalDate.now(clock).minusDays(3))));
    long residents = jdbc.queryForObject("select count(*) from resident", Long.class);

    String task = driver.claim("super1", instance, "ApproveResidentEntry");
    driver.completeRequest("super1", task, Map.of("decision", "APPROVE"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_registered"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(arrived.addresseeNumber())));

    assertThat(instance).isWaitingAt("ApproveResidentEntry");
    assertThat(jdbc.queryForObject("select count(*) from resident", Long.class)).isEqualTo(residents);
    driver.complete("super1", instance, "ApproveResidentEntry", Map.of("decision", "REJECT", "reason", "連携で登録済み"));
    assertThat(instance).isEnded().hasPassed("ResidentEntryRejected");
  }

  @Test
  void R03_badInputIsRefusedWithItsFieldAndStartsNothing() throws Exception {
    long entries = jdbc.queryForObject("select count(*) from resident_entry", Long.class);
    driver.startRequest("staff1", PROCESS, entry("123456789012"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.myNumber").value("個人番号の検査用数字が正しくありません"));
    Map<String, Object> future = entry("");
    future.put("birthDate", LocalDate.now(clock).plusDays(1).toString());
    driver.startRequest("staff1", PROCESS, future)
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.birthDate").value("生年月日が未来の日付です"));
    Map<String, Object> latin = entry("");
    latin.put("familyNameKana", "Shokken");
    driver.startRequest("staff1", PROCESS, latin)
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.familyNameKana").exists());
    assertThat(jdbc.queryForObject("select count(*) from resident_entry", Long.class)).isEqualTo(entries);
  }

  private static Map<String, Object> entry(String myNumber) {
    Map<String, Object> values = new HashMap<>(Map.of("familyNameKanji", "職権", "givenNameKanji", "記子",
        "familyNameKana", "しょくけん", "givenNameKana", "キコ", "birthDate", "2020-02-02", "sex", "FEMALE",
        "postalCode", "360-0031", "address", "埼玉県熊谷市宮町二丁目2番2号",
        "reason", "転入届の連携が遅れているため（転入届の写しで確認）"));
    if (!myNumber.isEmpty()) {
      values.put("myNumber", myNumber);
    }
    return values;
  }

  private Long registered() {
    return jdbc.queryForList("""
        select e.resident_id from resident_entry e where e.resident_id is not null
          and exists (select 1 from resident r where r.id = e.resident_id and r.my_number_hash = ?)""", Long.class,
        context.getBean(MyNumberProtector.class).lookupHash(myNumber)).stream().findFirst().orElse(null);
  }
}
