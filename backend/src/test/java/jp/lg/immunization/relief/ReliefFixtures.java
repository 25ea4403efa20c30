package jp.lg.immunization.relief;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** Steps the relief tests share. Residents are synthetic; each test takes one without a relief claim. */
class ReliefFixtures {

  static final String PROCESS = ReliefClaims.PROCESS_KEY;
  static final List<String> ALL_DOCUMENTS = List.of("CLAIM_FORM", "VACCINATION_PROOF", "MEDICAL_RECORDS",
      "MEDICAL_RECEIPTS", "DISABILITY_CERTIFICATE", "CARE_CERTIFICATE", "DEATH_CERTIFICATE", "FAMILY_REGISTER");

  /** The office's today: the app's clock runs in Japan time, whatever the machine's zone. */
  static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
  }

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final ReliefMinistrySimulator ministry;

  ReliefFixtures(ProcessDriver driver, JdbcTemplate jdbc, ReliefMinistrySimulator ministry) {
    this.driver = driver;
    this.jdbc = jdbc;
    this.ministry = ministry;
  }

  String resident() {
    return jdbc.queryForObject("""
        select addressee_number from resident r where status = 'REGISTERED' and birth_date < date '2015-01-01'
          and not exists (select 1 from relief_claim c where c.resident_id = r.id)
        order by id desc limit 1""", String.class);
  }

  Map<String, Object> intake(String addresseeNumber, String vaccinationClass, List<String> benefits,
                             List<String> documents) {
    Map<String, Object> values = new HashMap<>(Map.of("addresseeNumber", addresseeNumber, "claimantRelation", "SELF",
        "claimantName", "救済 太郎（テスト）", "vaccinationClass", vaccinationClass, "vaccine", "MR",
        "vaccinatedOn", today().minusMonths(6).toString(), "benefits", benefits,
        "documentsReceived", documents));
    if ("B".equals(vaccinationClass)) {
      values.put("vaccine", "高齢者インフルエンザ");
      values.put("medicalPaidOn", today().minusMonths(5).toString());
    }
    return values;
  }

  ProcessInstance start(Map<String, Object> values) throws Exception {
    return driver.start("staff1", PROCESS, values);
  }

  /** A complete A-class claim for a disability pension and medical expenses, through committee and forwarding. */
  ProcessInstance forwarded(String opinion, List<String> benefits) throws Exception {
    ProcessInstance instance = start(intake(resident(), "A", benefits, ALL_DOCUMENTS));
    throughCommittee(instance, opinion);
    return instance;
  }

  void throughCommittee(ProcessInstance instance, String opinion) throws Exception {
    driver.complete("staff1", instance, "ScheduleCommitteeMeeting", Map.of("meetingOn", today().toString()));
    driver.complete("staff2", instance, "RecordCommitteeOpinion", Map.of("opinion", opinion,
        "summary", "医学的見地から検討した（テスト）"));
    execute(job("ForwardToPrefecture", instance));
  }

  /** Recognised by the Ministry, decided to pay and approved. */
  ProcessInstance paying(int oneOff, int periodic, LocalDate endsOn) throws Exception {
    return paying(oneOff, periodic, endsOn, periodic > 0 ? List.of("MEDICAL_EXPENSES", "DISABILITY_PENSION")
        : List.of("MEDICAL_EXPENSES"));
  }

  ProcessInstance paying(int oneOff, int periodic, LocalDate endsOn, List<String> benefits) throws Exception {
    ProcessInstance instance = forwarded("CAUSAL", benefits);
    ministry.deliverPendingAnswers();
    Map<String, Object> decision = new HashMap<>(Map.of("municipalDecision", "PAY", "oneOffAmountYen", oneOff,
        "periodicAmountYen", periodic, "reason", "厚生労働大臣の認定による"));
    if (endsOn != null) {
      decision.put("entitlementEndsOn", endsOn.toString());
    }
    driver.complete("staff1", instance, "DecideMunicipalPayment", decision);
    driver.complete("super1", instance, "ApproveMunicipalDecision", Map.of("approval", "APPROVE"));
    return instance;
  }

  long claimId(ProcessInstance instance) {
    return Long.parseLong(instance.getBusinessKey());
  }

  Map<String, Object> claim(ProcessInstance instance) {
    return jdbc.queryForMap("select * from relief_claim where id = ?", claimId(instance));
  }

  List<Map<String, Object>> payments(ProcessInstance instance) {
    return jdbc.queryForList("select * from relief_payment where claim_id = ? order by kind, period_no", claimId(instance));
  }

  List<String> timeline(ProcessInstance instance) {
    return jdbc.queryForList("select description from relief_event where claim_id = ? order by occurred_at, id",
        String.class, claimId(instance));
  }
}
