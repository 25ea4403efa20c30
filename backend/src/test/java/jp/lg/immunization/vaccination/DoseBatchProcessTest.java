package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.DatabaseAdministrator;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A clinic's monthly batch through every path of DoseBatchRegistration: validation, review of rejected lines,
 * approval by a second staff member, and registration that is all-or-nothing and never twice.
 */
@IntegrationTest
class DoseBatchProcessTest {

  static final String HEADER = "宛名番号,接種種別,接種区分,生年月日,性別,LotNo,接種量,接種_医療機関ID,接種_医師ID,実施場所ID,接種年月日,請求月";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseAdministrator administrator;
  @Autowired ObjectMapper json;
  @Autowired RegisterDoseBatch registerDoseBatch;
  @Autowired ApplicationContext context;
  @Autowired DoseChecks checks;

  List<Child> children;

  record Child(long id, String addresseeNumber, LocalDate birthDate, String sex) {
    String line(String lot) {
      LocalDate doseDate = birthDate.plusMonths(12).plusDays(3);
      return String.join(",", addresseeNumber, "MR", "1期", birthDate.toString(), "MALE".equals(sex) ? "男" : "女",
          lot, "0.5", "1110101", "D1010101", "P01", doseDate.toString(),
          String.format("%04d%02d", doseDate.getYear(), doseDate.getMonthValue()));
    }
  }

  @BeforeEach
  void freshChildren() {
    BpmnAwareTests.init(engine);
    children = jdbc.query("""
        select id, addressee_number, birth_date, sex from resident r
        where birth_date between current_date - interval '6 years' and current_date - interval '14 months'
          and status = 'REGISTERED'
          and not exists (select 1 from dose_record d where d.resident_id = r.id)
          and not exists (select 1 from dose_batch_row b where b.resident_id = r.id)
        order by id limit 4""", (rs, n) -> new Child(rs.getLong(1), rs.getString(2),
        rs.getDate(3).toLocalDate(), rs.getString(4)));
    assertThat(children).hasSize(4);
  }

  @Test
  void R04_aCleanBatchGoesStraightToApprovalByAnotherStaffMemberAndIsRegisteredAtOnce() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), children.get(1).line("MR002")));
    ProcessInstance instance = instanceOf(batch);
    assertThat(instance).isWaitingAt("ValidateBatch");
    runJob(instance);
    assertThat(instance).isWaitingAt("ApproveBatch").hasNotPassed("ReviewBatchErrors");
    assertThat(summary(batch).path("acceptedRows").asInt()).isEqualTo(2);
    assertThat(summary(batch).path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(doses()).as("nothing is registered before the approval").isZero();

    String approval = driver.openTaskId(instance, "ApproveBatch");
    assertThat(summary(batch).path("openTask").path("id").asText()).as("the batch links to its open step")
        .isEqualTo(approval);
    engine.getTaskService().claim(approval, "staff1");
    driver.completeRequest("staff1", approval, Map.of("decision", "APPROVE"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    engine.getTaskService().setAssignee(approval, null);
    driver.complete("staff2", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterBatch");
    runJob(instance);

    assertThat(instance).isEnded().hasPassed("BatchRegistered");
    assertThat(doses()).isEqualTo(2);
    assertThat(jdbc.queryForList("select source, registered_by, batch_line from dose_record where batch_id = ? order by batch_line",
        id(batch))).extracting(row -> row.get("source") + "/" + row.get("registered_by") + "/" + row.get("batch_line"))
        .containsExactly("BATCH/staff1/2", "BATCH/staff1/3");
    Map<String, Object> stored = jdbc.queryForMap("select status, approved_by, content from dose_batch where id = ?", id(batch));
    assertThat(stored).containsEntry("status", "REGISTERED").containsEntry("approved_by", "staff2")
        .containsEntry("content", null);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'DOSE_BATCH_REGISTER' and detail like ?",
        Long.class, "batch " + id(batch) + " %")).isEqualTo(1);
  }

  @Test
  void rejectedLinesAreCorrectedOrExcludedInReviewBeforeTheApproval() throws Exception {
    String unknownResident = children.get(2).line("MR003").replaceFirst("^\\d+", "9999999999");
    String futureDose = children.get(1).line("MR002").replaceAll(",\\d{4}-\\d{2}-\\d{2},(\\d{6})$",
        "," + LocalDate.now().plusDays(10) + ",$1");
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), futureDose, unknownResident));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    assertThat(instance).isWaitingAt("ReviewBatchErrors");
    assertThat(summary(batch).path("rejectedRows").asInt()).isEqualTo(2);
    mvc.perform(get("/api/dose-batches/" + id(batch) + "/rows?status=REJECTED").with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].line").value(3))
        .andExpect(jsonPath("$.items[0].problems[0].code").value("E030"))
        .andExpect(jsonPath("$.items[1].problems[0].code").value("E010"));

    driver.completeRequest("staff1", driver.claim("staff1", instance, "ReviewBatchErrors"),
            Map.of("decision", "PROCEED")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("rows_rejected")).andExpect(jsonPath("$.message", containsString("2行")));
    assertThat(instance).isWaitingAt("ReviewBatchErrors");

    Map<String, String> fixed = items(children.get(1).line("MR002"));
    correctRow(batch, 3, fixed).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/4/exclude").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXCLUDED"));
    driver.complete("staff1", instance, "ReviewBatchErrors", Map.of("decision", "PROCEED"));
    assertThat(instance).isWaitingAt("ApproveBatch");

    mvc.perform(put("/api/dose-batches/" + id(batch) + "/rows/2").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("items", fixed))))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString("承認待ち")));
    driver.complete("super1", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    runJob(instance);
    assertThat(instance).isEnded().hasPassed("BatchRegistered");
    assertThat(jdbc.queryForList("select batch_line from dose_record where batch_id = ? order by batch_line", Integer.class,
        id(batch))).containsExactly(2, 3);
  }

  /**
   * The batch reads its residents' B類 qualifications once per chunk of lines, not per line, and judges each line
   * as the counter does: a 62-year-old's pneumococcal dose is routine only with a qualifying disability on record;
   * without one the line stops the batch in review with E034, and nothing is registered.
   */
  @Test
  void eachLineIsJudgedWithItsOwnResidentsBClassQualification() throws Exception {
    ResidentFixtures fixtures = new ResidentFixtures(context);
    LocalDate birth = LocalDate.now().minusYears(62).minusDays(40);
    long qualified = fixtures.insert(new ResidentFixtures.Person("障害", "一括", "ショウガイ", "イッカツ", birth, Sex.MALE,
        "360-0002", "埼玉県架空市障害確認町1番", "REGISTERED"));
    long notQualified = fixtures.insert(new ResidentFixtures.Person("対象", "一括", "タイショウ", "イッカツ", birth,
        Sex.MALE, "360-0002", "埼玉県架空市障害確認町2番", "REGISTERED"));
    jdbc.update("""
        insert into b_class_qualification (resident_id, impairment, evidence, evidence_seen_on, recorded_by, recorded_at)
        values (?, 'HEART', 'DISABILITY_CERTIFICATE', current_date, 'staff2', now())""", qualified);
    LocalDate doseDate = LocalDate.now().minusDays(1);
    JsonNode batch = upload("staff1", csv(pneumococcal(fixtures.addresseeNumber(notQualified), birth, doseDate),
        pneumococcal(fixtures.addresseeNumber(qualified), birth, doseDate)));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);

    assertThat(instance).isWaitingAt("ReviewBatchErrors");
    mvc.perform(get("/api/dose-batches/" + id(batch) + "/rows?status=ALL").with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].status").value("REJECTED"))
        .andExpect(jsonPath("$.items[0].problems[0].code").value("E034"))
        .andExpect(jsonPath("$.items[0].problems[0].message", containsString("定期接種の対象になりません")))
        .andExpect(jsonPath("$.items[1].status").value("ACCEPTED"))
        .andExpect(jsonPath("$.items[1].problems").isEmpty());
    assertThat(jdbc.queryForObject("select count(*) from dose_record where resident_id in (?, ?)", Long.class,
        qualified, notQualified)).isZero();
  }

  private static String pneumococcal(String addresseeNumber, LocalDate birth, LocalDate doseDate) {
    return String.join(",", addresseeNumber, "高齢者肺炎球菌", "1回", birth.toString(), "男", "PN2026A", "0.5", "1110101",
        "D1010101", "P01", doseDate.toString(), String.format("%04d%02d", doseDate.getYear(),
            doseDate.getMonthValue()));
  }

  /**
   * A chunk's residents are judged in parallel: each resident's lines must still see that resident's earlier lines
   * (the second MR 1期 is E033 whichever thread judged it), and the verdicts come back in file order.
   */
  @Test
  void aChunkOfManyResidentsIsJudgedInFileOrderEachLineAfterItsResidentsEarlierLines() {
    List<Child> many = jdbc.query("""
        select id, addressee_number, birth_date, sex from resident r
        where birth_date between current_date - interval '6 years' and current_date - interval '14 months'
          and status = 'REGISTERED' and not exists (select 1 from dose_record d where d.resident_id = r.id)
        order by id limit 300""", (rs, n) -> new Child(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
        rs.getString(4)));
    assertThat(many.size()).as("children without doses").isGreaterThan(50);
    List<DoseBatchCheck.Pending> chunk = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (Child child : many) {
        chunk.add(new DoseBatchCheck.Pending(chunk.size() + 2, DoseInput.fromKeys(items(child.line("MR001"))), true,
            false));
      }
    }
    List<DoseBatchCheck.Result> results = checks.batch().check(chunk);
    assertThat(results).extracting(result -> result.pending().line())
        .containsExactlyElementsOf(chunk.stream().map(DoseBatchCheck.Pending::line).toList());
    for (int i = 0; i < results.size(); i++) {
      DoseBatchCheck.Result result = results.get(i);
      if (i < many.size()) {
        assertThat(result.accepted()).as("line %d, the resident's first", result.pending().line()).isTrue();
      } else {
        assertThat(result.problems()).as("line %d, a repeat", result.pending().line())
            .extracting(DoseProblem::code).contains("E033");
      }
    }
  }

  @Test
  void theSameDoseTwiceInOneFileIsRejectedOnItsSecondLine() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), children.get(0).line("MR001")));
    runJob(instanceOf(batch));
    mvc.perform(get("/api/dose-batches/" + id(batch) + "/rows?status=REJECTED").with(users.as("staff1")))
        .andExpect(jsonPath("$.items[0].line").value(3))
        .andExpect(jsonPath("$.items[0].problems[0].code").value("E033"));
  }

  /**
   * R04 (issue 15): a batch's rows are corrected or excluded only by whoever holds its review step, and everyone who
   * changed a row is kept from approving it, even after handing the review to someone else.
   */
  @Test
  void R04_rowsChangeOnlyInTheHandsOfTheReviewStepsHolderAndNoChangerApproves() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), "1,2,3", "4,5,6"));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/3/exclude").with(users.as("staff2")).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_step_holder"));
    driver.claim("staff2", instance, "ReviewBatchErrors");
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/3/exclude").with(users.as("staff3")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/3/exclude").with(users.as("staff2")).with(csrf()))
        .andExpect(status().isOk());
    // staff2 hands the review over; super1 finishes it. Both changed the batch: neither may approve it.
    engine.getTaskService().setAssignee(driver.openTaskId(instance, "ReviewBatchErrors"), "super1");
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/4/exclude").with(users.as("super1")).with(csrf()))
        .andExpect(status().isOk());
    driver.complete("super1", instance, "ReviewBatchErrors", Map.of("decision", "PROCEED"));
    assertThat(jdbc.queryForObject("select count(*) from dose_batch_row where batch_id = ? and status = 'EXCLUDED'",
        Integer.class, id(batch))).isEqualTo(2);
    String approval = driver.openTaskId(instance, "ApproveBatch");
    for (String changer : List.of("staff2", "super1", "staff1")) {
      mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as(changer)).with(csrf()))
          .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("four_eyes"));
    }
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/2/exclude").with(users.as("super1")).with(csrf()))
        .andExpect(status().isConflict());
    driver.complete("staff3", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterBatch");
  }

  @Test
  void theReviewerCannotApproveEither() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), "1,2,3"));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    driver.claim("staff2", instance, "ReviewBatchErrors");
    mvc.perform(post("/api/dose-batches/" + id(batch) + "/rows/3/exclude").with(users.as("staff2")).with(csrf()))
        .andExpect(status().isOk());
    driver.complete("staff2", instance, "ReviewBatchErrors", Map.of("decision", "PROCEED"));
    String approval = driver.openTaskId(instance, "ApproveBatch");
    engine.getTaskService().claim(approval, "staff2");
    driver.completeRequest("staff2", approval, Map.of("decision", "APPROVE")).andExpect(status().isForbidden());
    engine.getTaskService().setAssignee(approval, null);
    driver.complete("staff3", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    assertThat(instance).isWaitingAt("RegisterBatch");
  }

  @Test
  void aDiscardedBatchRegistersNothingAndItsFileMayBeUploadedAgain() throws Exception {
    byte[] file = csv(children.get(0).line("MR001"), children.get(1).line("not a lot"));
    JsonNode batch = upload("staff1", file);
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    upload("staff2", file, status().isConflict()).andExpect(jsonPath("$.error").value("duplicate_file"))
        .andExpect(jsonPath("$.message", containsString("#" + id(batch))));
    driver.complete("staff1", instance, "ReviewBatchErrors", Map.of("decision", "DISCARD", "reason", "医療機関に再送を依頼"));
    assertThat(instance).isEnded().hasPassed("BatchDiscarded");
    assertThat(jdbc.queryForMap("select status, content from dose_batch where id = ?", id(batch)))
        .containsEntry("status", "DISCARDED").containsEntry("content", null);
    assertThat(doses()).isZero();
    upload("staff1", file, status().isCreated());
  }

  @Test
  void theApproverSendsTheBatchBackOrRejectsIt() throws Exception {
    JsonNode sentBack = upload("staff1", csv(children.get(0).line("MR001")));
    ProcessInstance first = instanceOf(sentBack);
    runJob(first);
    driver.complete("staff2", first, "ApproveBatch", Map.of("decision", "SEND_BACK", "comment", "ロット番号を医療機関に確認"));
    assertThat(first).isWaitingAt("ReviewBatchErrors");
    assertThat(summary(sentBack).path("status").asText()).isEqualTo("REVIEW");

    JsonNode rejected = upload("staff1", csv(children.get(1).line("MR002")));
    ProcessInstance second = instanceOf(rejected);
    runJob(second);
    driver.complete("staff2", second, "ApproveBatch", Map.of("decision", "REJECT"));
    assertThat(second).isEnded().hasPassed("BatchRejected");
    assertThat(summary(rejected).path("status").asText()).isEqualTo("DISCARDED");
    assertThat(doses()).isZero();
  }

  @Test
  void aDoseRegisteredAtTheCounterMeanwhileSendsTheBatchBackToReviewAndNothingIsRegistered() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), children.get(1).line("MR002")));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    driver.complete("staff2", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    Map<String, String> counter = items(children.get(1).line("MR009"));
    driver.perform("staff3", post("/api/doses"), Map.of("items", counter)).andExpect(status().isCreated());

    runJob(instance);
    assertThat(instance).isWaitingAt("ReviewBatchErrors").hasPassed("BatchNoLongerValid");
    assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ?", Long.class, id(batch))).isZero();
    mvc.perform(get("/api/dose-batches/" + id(batch) + "/rows?status=REJECTED").with(users.as("staff1")))
        .andExpect(jsonPath("$.items[0].line").value(3))
        .andExpect(jsonPath("$.items[0].problems[0].code").value("E033"));
    assertThat(summary(batch).path("approvedBy").isNull()).isTrue();
  }

  @Test
  void aFailureWhileRegisteringLeavesNoPartialDataAndARetryRegistersEachLineOnce() throws Exception {
    JsonNode batch = upload("staff1", csv(children.get(0).line("MR001"), children.get(1).line("BOOM1")));
    ProcessInstance instance = instanceOf(batch);
    runJob(instance);
    driver.complete("staff2", instance, "ApproveBatch", Map.of("decision", "APPROVE"));
    // A failure the app cannot cause on purpose: the schema's owner adds it (the app's role changes no schema).
    JdbcTemplate owner = administrator.owner();
    owner.execute("""
        create function fail_on_boom() returns trigger language plpgsql as $$
        begin if new.lot_number = 'BOOM1' then raise exception 'simulated failure'; end if; return new; end $$""");
    owner.execute("create trigger fail_on_boom before insert on dose_record for each row execute function fail_on_boom()");
    try {
      assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("simulated failure");
      assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ?", Long.class, id(batch)))
          .as("the first line's dose was rolled back with the second").isZero();
      assertThat(summary(batch).path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    } finally {
      owner.execute("drop trigger fail_on_boom on dose_record");
      owner.execute("drop function fail_on_boom()");
    }
    runJob(instance);
    assertThat(instance).isEnded();
    assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ?", Long.class, id(batch))).isEqualTo(2);

    // A job that runs again after its commit (e.g. a lost acknowledgement) registers nothing twice.
    DelegateExecution again = Mockito.mock(DelegateExecution.class);
    Mockito.when(again.getProcessBusinessKey()).thenReturn(String.valueOf(id(batch)));
    registerDoseBatch.execute(again);
    assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ?", Long.class, id(batch))).isEqualTo(2);
  }

  @Test
  void shiftJisFromClinicSoftwareIsDetectedAndAWrongChoiceIsRefused() throws Exception {
    byte[] sjis = (HEADER + "\r\n" + children.get(0).line("MR001") + "\r\n").getBytes(Charset.forName("windows-31j"));
    upload("staff1", sjis, "UTF_8", status().isBadRequest()).andExpect(jsonPath("$.message", containsString("UTF-8")));
    JsonNode batch = json.readTree(upload("staff1", sjis, "AUTO", status().isCreated()).andReturn().getResponse()
        .getContentAsString());
    assertThat(batch.path("encoding").asText()).isEqualTo("SHIFT_JIS");
    runJob(instanceOf(batch));
    assertThat(summary(batch).path("acceptedRows").asInt()).isEqualTo(1);

    byte[] bom = ("\uFEFF" + HEADER + "\n" + children.get(1).line("MR002") + "\n").getBytes(StandardCharsets.UTF_8);
    JsonNode utf8 = json.readTree(upload("staff1", bom, "AUTO", status().isCreated()).andReturn().getResponse()
        .getContentAsString());
    assertThat(utf8.path("encoding").asText()).isEqualTo("UTF_8");
  }

  @Test
  void aFileWithAWrongHeaderIsRefusedAtOnceAndStartsNothing() throws Exception {
    long batches = jdbc.queryForObject("select count(*) from dose_batch", Long.class);
    upload("staff1", "氏名,接種日\n山田,2025-01-01\n".getBytes(StandardCharsets.UTF_8), "AUTO", status().isBadRequest())
        .andExpect(jsonPath("$.error").value("bad_header"))
        .andExpect(jsonPath("$.message", containsString("不明な項目名 氏名、接種日")))
        .andExpect(jsonPath("$.message", containsString("宛名番号")));
    assertThat(jdbc.queryForObject("select count(*) from dose_batch", Long.class)).isEqualTo(batches);
    mvc.perform(multipart("/api/dose-batches").file(new MockMultipartFile("file", "a.csv", "text/csv", csv(
            children.get(0).line("MR001")))).with(users.as("manager1")).with(csrf()))
        .andExpect(status().isForbidden());
  }

  /** camunda-bpm-assert finds the job of the instance named last in an assertion. */
  private static void runJob(ProcessInstance instance) {
    assertThat(instance).isNotEnded();
    execute(job());
  }

  private byte[] csv(String... lines) {
    List<String> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(List.of(lines));
    return (String.join("\r\n", all) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, String> items(String line) {
    String[] keys = {"addresseeNumber", "vaccine", "doseCategory", "birthDate", "sex", "lotNumber", "doseVolumeMl",
        "institutionId", "doctorId", "placeId", "doseDate", "billingMonth"};
    String[] values = line.split(",", -1);
    Map<String, String> items = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      items.put(keys[i], values[i]);
    }
    return items;
  }

  private JsonNode upload(String username, byte[] content) throws Exception {
    return json.readTree(upload(username, content, status().isCreated()).andReturn().getResponse().getContentAsString());
  }

  private ResultActions upload(String username, byte[] content,
                               org.springframework.test.web.servlet.ResultMatcher expected) throws Exception {
    return upload(username, content, "AUTO", expected);
  }

  private ResultActions upload(String username, byte[] content, String encoding,
                               org.springframework.test.web.servlet.ResultMatcher expected) throws Exception {
    return mvc.perform(multipart("/api/dose-batches").file(new MockMultipartFile("file", "2025-05_さくら小児科.csv",
            "text/csv", content)).param("encoding", encoding).with(users.as(username)).with(csrf()))
        .andExpect(expected);
  }

  private ResultActions correctRow(JsonNode batch, int line, Map<String, String> items) throws Exception {
    return mvc.perform(put("/api/dose-batches/" + id(batch) + "/rows/" + line).with(users.as("staff1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("items", items))));
  }

  private JsonNode summary(JsonNode batch) throws Exception {
    return json.readTree(mvc.perform(get("/api/dose-batches/" + id(batch)).with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private ProcessInstance instanceOf(JsonNode batch) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("DoseBatchRegistration")
        .processInstanceBusinessKey(String.valueOf(id(batch))).singleResult();
  }

  private static long id(JsonNode batch) {
    return batch.path("id").asLong();
  }

  private long doses() {
    return jdbc.queryForObject("select count(*) from dose_record where resident_id = any(?)", Long.class,
        (Object) children.stream().map(Child::id).toArray(Long[]::new));
  }
}
