package jp.lg.immunization.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * R27: the dose records of residents who moved out or died go five years after that day, with their corrections;
 * a legal hold (placed and lifted through the API, by an administrator or an auditor), an open task, a case still
 * running in the engine or a relief claim keeps them; every run and deletion is listed for auditors and administrators.
 */
@IntegrationTest
class DoseRecordRetentionTest {

  /** Five years back is 2020-01-10. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  @AfterEach
  void noOpenCaseLeftBehind() {
    jdbc.update("delete from task_view where id like 'dose-retention-test-%'");
  }

  @Test
  void R27_doseRecordsGoFiveYearsAfterTheResidentLeftAndNothingElseGoes() {
    long movedOutLongAgo = resident("MOVED_OUT", "2020-01-09");
    long diedLongAgo = resident("DECEASED", "2018-05-01");
    long movedOutRecently = resident("MOVED_OUT", "2020-01-10");
    long stillHere = resident("REGISTERED", "2001-01-01");
    long expired1 = dose(movedOutLongAgo);
    long expired2 = dose(diedLongAgo);
    long corrected = dose(diedLongAgo);
    jdbc.update("""
        insert into dose_correction (dose_record_id, before_content, after_content, reason, corrected_by, corrected_at)
        values (?, '{}', '{}', '誤記', 'staff1', now())""", corrected);
    long recent = dose(movedOutRecently);
    long registered = dose(stillHere);
    long namedByClaim = dose(movedOutLongAgo);
    reliefClaim(movedOutLongAgo, namedByClaim);
    long goneQualification = qualification(diedLongAgo);
    long keptQualification = qualification(stillHere);

    assertThat(retention.run(TODAY)).containsEntry("DOSE_RECORD", 3).containsEntry("B_CLASS_QUALIFICATION", 1);
    assertThat(jdbc.queryForList("select id from b_class_qualification where id in (?, ?)", Long.class,
        goneQualification, keptQualification)).containsExactly(keptQualification);

    assertThat(remaining(expired1, expired2, corrected, recent, registered, namedByClaim))
        .containsExactlyInAnyOrder(recent, registered, namedByClaim);
    assertThat(jdbc.queryForObject("select count(*) from dose_correction where dose_record_id = ?", Long.class,
        corrected)).isZero();
    assertThat(jdbc.queryForObject("""
        select deleted_ids from retention_deletion where kind = 'DOSE_RECORD' order by id desc limit 1""",
        java.sql.Array.class)).satisfies(ids -> assertThat((Long[]) ids.getArray())
        .containsExactly(expired1, expired2, corrected));
  }

  /** A B類 qualifying disability, which goes with the resident's dose records. */
  private long qualification(long residentId) {
    return jdbc.queryForObject("""
        insert into b_class_qualification (resident_id, impairment, evidence, evidence_seen_on, recorded_by, recorded_at)
        values (?, 'HEART', 'DISABILITY_CERTIFICATE', date '2010-04-01', 'staff1', now()) returning id""", Long.class,
        residentId);
  }

  @Test
  void R27_aHoldOrAnOpenCaseKeepsTheDosesAndLiftingTheHoldLetsTheNextRunDeleteThem() throws Exception {
    long held = resident("DECEASED", "2015-03-01");
    long withOpenCase = resident("MOVED_OUT", "2015-03-01");
    long heldDose = dose(held);
    long openCaseDose = dose(withOpenCase);
    String number = jdbc.queryForObject("select addressee_number from resident where id = ?", String.class, held);
    String location = call("admin1", "/api/admin/retention/legal-holds",
        Map.of("addresseeNumber", number, "reason", "損害賠償請求訴訟のため保全"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    long holdId = json.readTree(location).path("id").asLong();
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               status, created_at, resident_id)
        values ('dose-retention-test-1', 'p', 'd', 'ReliefClaim', '救済', 'Review', '確認', 'OPEN', now(), ?)""",
        withOpenCase);

    retention.run(TODAY);
    assertThat(remaining(heldDose, openCaseDose)).containsExactlyInAnyOrder(heldDose, openCaseDose);

    call("auditor1", "/api/audit/retention/legal-holds/" + holdId + "/lift", Map.of("reason", "訴訟終結"))
        .andExpect(status().isNoContent());
    noOpenCaseLeftBehind();
    assertThat(retention.run(TODAY)).containsEntry("DOSE_RECORD", 2);
    assertThat(remaining(heldDose, openCaseDose)).isEmpty();

    mvc.perform(get("/api/audit/retention/runs").with(users.as("auditor1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kinds").value(org.hamcrest.Matchers.hasItem("DOSE_RECORD")))
        .andExpect(jsonPath("$.runs[0].asOf").value("2025-01-10"))
        .andExpect(jsonPath("$.runs[0].deletions[?(@.kind == 'DOSE_RECORD')].deleted").value(2));
  }

  @Test
  void R27_aCaseStillRunningInTheEngineKeepsTheDosesEvenWithoutAnOpenTask() {
    long waiting = resident("MOVED_OUT", "2015-03-01");
    long waitingDose = dose(waiting);
    String deployment = repository.createDeployment().name("retention-test")
        .addModelInstance("retention-test-wait.bpmn", Bpmn.createExecutableProcess("RetentionTestWait")
            .camundaHistoryTimeToLive(1).startEvent().receiveTask("AwaitAnswer").message("RetentionTestAnswer")
            .endEvent().done())
        .deploy().getId();
    try {
      String instance = runtime.startProcessInstanceByKey("RetentionTestWait", Map.of("residentId", waiting)).getId();
      retention.run(TODAY);
      assertThat(remaining(waitingDose)).containsExactly(waitingDose);

      runtime.deleteProcessInstance(instance, "test over");
      retention.run(TODAY);
      assertThat(remaining(waitingDose)).isEmpty();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void R27_holdsArePlacedAndLiftedWithWhoWhenAndWhyAndNeverDeleted() throws Exception {
    long resident = resident("REGISTERED", "2001-01-01");
    String number = jdbc.queryForObject("select addressee_number from resident where id = ?", String.class, resident);
    long holdId = json.readTree(call("auditor1", "/api/audit/retention/legal-holds",
        Map.of("addresseeNumber", number, "reason", "情報公開審査請求のため")).andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString()).path("id").asLong();
    call("admin1", "/api/admin/retention/legal-holds/" + holdId + "/lift", Map.of("reason", "審査終了"))
        .andExpect(status().isNoContent());
    call("admin1", "/api/admin/retention/legal-holds/" + holdId + "/lift", Map.of("reason", "審査終了"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("この保全措置はすでに解除されています"));

    mvc.perform(get("/api/admin/retention/legal-holds").with(users.as("admin1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + holdId + ")].addresseeNumber").value(number))
        .andExpect(jsonPath("$[?(@.id == " + holdId + ")].setBy").value("auditor1"))
        .andExpect(jsonPath("$[?(@.id == " + holdId + ")].liftedBy").value("admin1"))
        .andExpect(jsonPath("$[?(@.id == " + holdId + ")].liftReason").value("審査終了"));
    assertThat(jdbc.queryForList("""
        select operation from audit_event where resident_id = ? and operation like 'LEGAL_HOLD_%' order by id""",
        String.class, resident)).containsExactly("LEGAL_HOLD_SET", "LEGAL_HOLD_LIFTED");
    assertThatThrownBy(() -> jdbc.update("delete from legal_hold where id = ?", holdId))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
    assertThatThrownBy(() -> jdbc.update("update legal_hold set lifted_at = null, lifted_by = null, lift_reason = null"
        + " where id = ?", holdId)).isInstanceOf(DataAccessException.class).hasMessageContaining("only be lifted");
  }

  @Test
  void R27_badHoldRequestsAreRefusedAndChangeNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from legal_hold", Long.class);
    call("admin1", "/api/admin/retention/legal-holds", Map.of("addresseeNumber", "8999999999", "reason", "訴訟"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value("この宛名番号の住民は登録されていません"));
    call("admin1", "/api/admin/retention/legal-holds", Map.of("addresseeNumber", "1", "reason", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").value("理由を入力してください"));
    call("auditor1", "/api/audit/retention/legal-holds/999999/lift", Map.of("reason", "終結"))
        .andExpect(status().isNotFound());
    assertThat(jdbc.queryForObject("select count(*) from legal_hold", Long.class)).isEqualTo(before);
  }

  @Test
  void R27_theDatabaseDatesAStatusChangeItself() {
    long resident = resident("REGISTERED", null);
    jdbc.update("update resident set status = 'MOVED_OUT' where id = ?", resident);
    assertThat(jdbc.queryForObject("select status_since from resident where id = ?", LocalDate.class, resident))
        .isEqualTo(jdbc.queryForObject("select (now() at time zone 'Asia/Tokyo')::date", LocalDate.class));
  }

  private long resident(String status, String since) {
    String number = "8" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    return jdbc.queryForObject("""
        insert into resident (addressee_number, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
                              birth_date, sex, address, status, source, search_text, status_since)
        values (?, '保存', '試験', 'ホゾン', 'シケン', '1990-01-01', 'FEMALE', '熊谷市宮町二丁目', ?, 'STAFF_ENTRY', 'ホゾン シケン',
                ?::date) returning id""", Long.class, number, status, since);
  }

  private long dose(long residentId) {
    return jdbc.queryForObject("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        values ('MR', '1期', ?, '1990-01-01', 'FEMALE', '1991-02-01') returning id""", Long.class, residentId);
  }

  private void reliefClaim(long residentId, long doseId) {
    jdbc.update("""
        insert into relief_claim (status, resident_id, claimant_relation, claimant_name, vaccination_class, vaccine,
                                  vaccinated_on, dose_record_id, received_on, received_by)
        values ('CLOSED', ?, 'SELF', '保存 試験', 'A', 'MR', '1991-02-01', ?, '1992-01-01', 'staff1')""",
        residentId, doseId);
  }

  private List<Long> remaining(Long... ids) {
    return jdbc.queryForList("select id from dose_record where id = any(?)", Long.class, (Object) ids);
  }

  private ResultActions call(String user, String path, Object body) throws Exception {
    return mvc.perform(post(path).with(csrf()).with(users.as(user)).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }
}
