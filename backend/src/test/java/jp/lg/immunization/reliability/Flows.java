package jp.lg.immunization.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The flows the harness drives through the HTTP API, each a small state machine that reads where its case stands
 * (the harness's own look at the database, which it also uses for the final checks) and does the next step as its
 * user would. A request left without an answer (the node was killed) is neither counted as acknowledged nor repeated
 * blindly: the flow looks at what the database holds and goes on from there, as a careful clerk would.
 */
final class Flows {

  static final String MARKER = "信頼性試験";
  /** Batch files are named in ASCII (the name travels in a multipart header). */
  static final String BATCH_FILE = "reliability-batch-";
  private static final int ROWS_PER_BATCH = 2;
  private static final String BATCH_HEADER = "宛名番号,接種種別,接種区分,生年月日,性別,LotNo,接種量,接種_医療機関ID,接種_医師ID,"
      + "実施場所ID,接種年月日,備考";

  record Users(ApiClient staff1, ApiClient staff2, ApiClient super1) {}

  /** A dose no resident has yet: who, which vaccine and which dose, so that the app's E033 never refuses it. */
  private record DoseSlot(String addresseeNumber, LocalDate birthDate, String sex, String vaccine, String category) {}

  final Set<String> acknowledgedStarts = ConcurrentHashMap.newKeySet();
  final Map<String, String> acknowledgedCompletions = new ConcurrentHashMap<>();
  /** Dose records registered at the counter with an answer: id, and the marker in their remarks. */
  final Map<Long, String> acknowledgedDoses = new ConcurrentHashMap<>();
  final Set<String> flowInstances = ConcurrentHashMap.newKeySet();
  /** Flows not finished within the harness's limit: marker, and the case's process instance where it was started. */
  final Map<String, String> unfinished = new ConcurrentHashMap<>();

  private final JdbcTemplate db;
  private final Figures figures;
  private final List<String> addresseeNumbers;
  private final List<String> adults;
  private final List<DoseSlot> doseSlots;
  private final AtomicInteger nextSlot = new AtomicInteger();
  private final Duration flowLimit;

  Flows(JdbcTemplate db, Figures figures, Duration flowLimit) {
    this.db = db;
    this.figures = figures;
    this.flowLimit = flowLimit;
    this.addresseeNumbers = db.queryForList("select addressee_number from resident order by id limit 500",
        String.class);
    this.adults = db.queryForList("""
        select addressee_number from resident where status = 'REGISTERED' and birth_date < date '2015-01-01'
        order by id""", String.class);
    // Adults, so that no demo dose is in the way; doses outside the routine schedule are confirmed (E034), as staff
    // do for a voluntary or late dose. A dose an earlier phase's batch still has to register is taken too (E033).
    this.doseSlots = db.query("""
        select r.addressee_number, r.birth_date, r.sex, v.vaccine, v.category
        from resident r cross join (values ('MR', '1期', 1), ('MR', '2期', 2), ('水痘', '1回目', 3),
                                           ('水痘', '2回目', 4)) v (vaccine, category, k)
        where r.status = 'REGISTERED' and r.birth_date < current_date - interval '7 years'
          and not exists (select 1 from dose_record d where d.resident_id = r.id
                            and d.vaccine like v.vaccine || '%' and d.dose_category = v.category)
          and not exists (select 1 from dose_batch_row b where b.items ->> 'addresseeNumber' = r.addressee_number
                            and b.items ->> 'vaccine' = v.vaccine and b.items ->> 'doseCategory' = v.category)
        order by v.k, r.id""", (rs, i) -> new DoseSlot(rs.getString(1), rs.getDate(2).toLocalDate(),
        rs.getString(3), rs.getString(4), rs.getString(5)));
  }

  /** 接種記録の登録 at the counter: one dose record, its remarks naming the flow. */
  void doseAtCounter(int n, Users users) throws InterruptedException {
    figures.flowsStarted.incrementAndGet();
    String marker = MARKER + " DC#" + n;
    DoseSlot slot = slot();
    Map<String, String> items = new LinkedHashMap<>(Map.of("addresseeNumber", slot.addresseeNumber(),
        "vaccine", slot.vaccine(), "doseCategory", slot.category(), "lotNumber", "REL2026", "doseVolumeMl", "0.5",
        "institutionId", "1110101", "doctorId", "D1010101", "placeId", "P01", "doseDate", doseDate().toString(),
        "remarks", marker));
    Instant until = Instant.now().plus(flowLimit);
    boolean unanswered = false;
    while (Instant.now().isBefore(until)) {
      if (unanswered && awaitQuery("select id::text from dose_record where remarks = ?", marker, until) != null) {
        figures.flowsCompleted.incrementAndGet();
        return;
      }
      ApiClient.Answer registered = users.staff1().send("POST", "/api/doses", Map.of("items", items,
          "confirmWarnings", true));
      if (registered != null && registered.ok()) {
        acknowledgedDoses.put(registered.body().path("id").asLong(), marker);
        figures.acknowledged.incrementAndGet();
        figures.flowsCompleted.incrementAndGet();
        return;
      }
      if (registered != null && registered.status() < 500 && !unanswered) {
        throw new IllegalStateException(marker + ": registration refused " + registered.status() + " "
            + registered.body());
      }
      // No answer, or the answer to a repeat of a request whose fate was unknown: the database says.
      unanswered = true;
      Thread.sleep(300);
    }
    unfinished.put(marker, "");
  }

  /**
   * 予診票の一括登録: a clinic's CSV uploaded by one staff member, its rejected lines reviewed if any, approved by
   * another, registered by the engine's job.
   */
  void doseBatch(int n, Users users) throws InterruptedException {
    String marker = MARKER + " DB#" + n;
    String fileName = BATCH_FILE + n + ".csv";
    StringBuilder csv = new StringBuilder(BATCH_HEADER).append("\r\n");
    for (int line = 1; line <= ROWS_PER_BATCH; line++) {
      DoseSlot slot = slot();
      csv.append(String.join(",", slot.addresseeNumber(), slot.vaccine(), slot.category(),
          slot.birthDate().toString(), "MALE".equals(slot.sex()) ? "男" : "女", "REL2026", "0.5", "1110102",
          "D1010201", "P01", doseDate().toString(), marker + " L" + line)).append("\r\n");
    }
    byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
    String byFile = "select p.id_ from act_hi_procinst p join dose_batch b on p.business_key_ = b.id::text"
        + " where p.proc_def_key_ = 'DoseBatchRegistration' and b.file_name = ?";
    drive(marker, fileName, byFile, () -> users.staff1().upload("/api/dose-batches", fileName, content),
        body -> awaitQuery("select id_ from act_hi_procinst where proc_def_key_ = 'DoseBatchRegistration'"
            + " and business_key_ = ?", body.path("id").asText(), Instant.now().plus(flowLimit)),
        Map.of("ReviewBatchErrors", new Step(users.staff1(), Map.of("decision", "PROCEED"),
                instance -> confirmWarnings(marker, instance, users.staff1())),
            "ApproveBatch", new Step(users.staff2(), Map.of("decision", "APPROVE"))),
        this::ended);
  }

  /**
   * 健康被害救済の請求の受付: intake with every document, the investigation committee's meeting and opinion, and the
   * forwarding to the Ministry through the prefecture (outbox); the flow is done once forwarded (the Ministry's
   * decision takes months in life).
   */
  void reliefIntake(int n, Users users) throws InterruptedException {
    String marker = MARKER + " RI#" + n;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, Object> values = Map.of("addresseeNumber", adults.get(n % adults.size()),
        "claimantRelation", "SELF", "claimantName", "救済 太郎（試験）", "vaccinationClass", "A", "vaccine", "MR",
        "vaccinatedOn", today.minusMonths(6).toString(), "benefits", List.of("MEDICAL_EXPENSES", "DISABILITY_PENSION"),
        "documentsReceived", List.of("CLAIM_FORM", "VACCINATION_PROOF", "MEDICAL_RECORDS", "MEDICAL_RECEIPTS",
            "DISABILITY_CERTIFICATE", "CARE_CERTIFICATE", "DEATH_CERTIFICATE", "FAMILY_REGISTER"),
        "note", marker);
    drive(marker, "ReliefClaim",
        "select p.id_ from act_hi_procinst p join relief_claim c on p.business_key_ = c.id::text where c.note = ?",
        users.staff1(), values, Map.of(
            "ScheduleCommitteeMeeting", new Step(users.staff1(), Map.of("meetingOn", today.toString())),
            "RecordCommitteeOpinion", new Step(users.staff2(), Map.of("opinion", "CAUSAL",
                "summary", "医学的見地から検討した（試験）"))),
        instance -> ended(instance) || passed(instance, "ForwardToPrefecture"));
  }

  /** 住登外者確認: lookup through 市町村CS (outbox), proposal by one staff member, double check by another. */
  void nonResident(int n, Users users) throws InterruptedException {
    String marker = MARKER + " NR#" + n;
    // A person of their own per flow: the simulator answers the same query with the same synthetic 個人番号.
    Map<String, Object> values = Map.of("nameKana", "シケン " + kana(n), "birthDate", "1960-04-01", "sex", "MALE",
        "reason", marker);
    drive(marker, "NonResidentConfirmation",
        "select p.id_ from act_hi_procinst p join non_resident_case c on p.business_key_ = c.id::text"
            + " where c.query_reason = ?",
        users.staff1(), values, Map.of(
            "ProposeMatch", new Step(users.staff1(), Map.of("decision", "PROPOSE", "note", "一致")),
            "DoubleCheckMatch", new Step(users.staff2(), Map.of("decision", "CONFIRM"))), this::ended);
  }

  /** 情報照会: supervisor approval, sending through the 中間サーバー (outbox), two checks of the result. */
  void informationQuery(int n, Users users) throws InterruptedException {
    String marker = MARKER + " IQ#" + n;
    Map<String, Object> values = Map.of(
        "addresseeNumber", addresseeNumbers.get(ThreadLocalRandom.current().nextInt(addresseeNumbers.size())),
        "informationItem", "VACCINATION_RECORD", "legalBasis", "ACT19_8_TABLE14", "purpose", marker);
    drive(marker, "InformationQuery",
        "select p.id_ from act_hi_procinst p join information_query q on p.business_key_ = q.id::text"
            + " where q.purpose = ?",
        users.staff1(), values, Map.of(
            "ApproveQuery", new Step(users.super1(), Map.of("decision", "APPROVE")),
            "CheckQueryResult", new Step(users.staff1(), Map.of("decision", "CONFIRM")),
            "DoubleCheckQueryResult", new Step(users.staff2(), Map.of("decision", "SAVE"))), this::ended);
  }

  /**
   * Two staff on two nodes claim the same task at the same moment: exactly one may win, the other gets 409. Returns
   * whether that held.
   */
  boolean race(int n, ApiClient onA, ApiClient onB) throws Exception {
    String marker = MARKER + " RACE#" + n;
    ApiClient.Answer started = onA.send("POST", "/api/processes/NonResidentConfirmation/start", Map.of("values",
        Map.of("nameKana", "キョウソウ " + kana(n), "birthDate", "1970-01-01", "sex", "FEMALE", "reason", marker)));
    if (started == null || !started.ok()) {
      return false;
    }
    String instance = started.body().path("processInstanceId").asText();
    Optional<String[]> task = awaitTask(instance, Instant.now().plus(Duration.ofMinutes(2)));
    if (task.isEmpty()) {
      return false;
    }
    String taskId = task.get()[0];
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> claim(onA, taskId));
    var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> claim(onB, taskId));
    int a = first.get();
    int b = second.get();
    return (a == 200 && b == 409) || (a == 409 && b == 200);
  }

  /** The flow's number in katakana, one letter a digit, so that names differ as the form allows. */
  private static String kana(int n) {
    String letters = "アイウエオカキクケコ";
    StringBuilder name = new StringBuilder();
    for (char digit : Integer.toString(n).toCharArray()) {
      name.append(letters.charAt(digit - '0'));
    }
    return name.toString();
  }

  private int claim(ApiClient client, String taskId) {
    try {
      ApiClient.Answer answer = client.send("POST", "/api/tasks/" + taskId + "/claim", null);
      return answer == null ? -1 : answer.status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Work done in the step before completing it, such as the review's corrections. */
  private interface Before {
    void run(String instance) throws InterruptedException;

    Before NOTHING = instance -> { };
  }

  private record Step(ApiClient user, Map<String, Object> values, Before before) {
    Step(ApiClient user, Map<String, Object> values) {
      this(user, values, Before.NOTHING);
    }
  }

  /**
   * The review of a batch's rejected lines as a clerk does it for doses given outside the routine schedule: each
   * line sent again with its warnings confirmed (E034 stays on the record as its エラーコード), until none is left.
   */
  private void confirmWarnings(String marker, String instance, ApiClient clerk) throws InterruptedException {
    Instant until = Instant.now().plus(flowLimit);
    String batch = awaitQuery("select business_key_ from act_hi_procinst where id_ = ?", instance, until);
    int confirmations = 0;
    // Rounds without an answer (the node is down) do not count: only lines the app saw confirmed and still refused.
    while (Instant.now().isBefore(until) && confirmations <= 5) {
      ApiClient.Answer rejected = clerk.send("GET", "/api/dose-batches/" + batch + "/rows?status=REJECTED&size=200",
          null);
      if (rejected == null || !rejected.ok()) {
        Thread.sleep(500);
        continue;
      }
      if (rejected.body().path("items").isEmpty()) {
        return;
      }
      confirmations++;
      for (JsonNode row : rejected.body().path("items")) {
        clerk.send("PUT", "/api/dose-batches/" + batch + "/rows/" + row.path("line").asInt(), Map.of(
            "items", row.path("items"), "confirmWarnings", true));
      }
    }
    throw new IllegalStateException(marker + ": lines still rejected after their warnings were confirmed");
  }

  private interface Request {
    ApiClient.Answer send() throws InterruptedException;
  }

  private interface InstanceOf {
    String read(JsonNode answer) throws InterruptedException;
  }

  private void drive(String marker, String processKey, String instanceByMarker, ApiClient starter,
                     Map<String, Object> values, Map<String, Step> steps, Predicate<String> finished)
      throws InterruptedException {
    drive(marker, marker, instanceByMarker,
        () -> starter.send("POST", "/api/processes/" + processKey + "/start", Map.of("values", values)),
        body -> body.path("processInstanceId").asText(), steps, finished);
  }

  /**
   * Starts a case with {@code start} (whose answer names the instance), looking it up by {@code key} in the database
   * when no answer came (or a 409 said it exists already), then does each open step as its user until done.
   */
  private void drive(String marker, String key, String instanceByKey, Request start,
                     InstanceOf instanceOf, Map<String, Step> steps, Predicate<String> finished)
      throws InterruptedException {
    figures.flowsStarted.incrementAndGet();
    Instant until = Instant.now().plus(flowLimit);
    String instance = null;
    while (instance == null && Instant.now().isBefore(until)) {
      ApiClient.Answer started = start.send();
      if (started != null && started.ok()) {
        instance = instanceOf.read(started.body());
        acknowledgedStarts.add(instance);
        figures.acknowledged.incrementAndGet();
      } else if (started == null || started.status() >= 500 || started.status() == 409) {
        // No answer: whether the start committed is read from the database once it is back, never guessed.
        instance = awaitQuery(instanceByKey, key, until);
      } else {
        throw new IllegalStateException(marker + ": start refused " + started.status() + " " + started.body());
      }
    }
    if (instance == null) {
      unfinished.put(marker, "");
      return;
    }
    flowInstances.add(instance);
    int serverErrors = 0;
    while (Instant.now().isBefore(until) && serverErrors < 10) {
      if (finished.test(instance)) {
        figures.flowsCompleted.incrementAndGet();
        return;
      }
      Optional<String[]> open = taskOf(instance);
      if (open.isEmpty()) {
        Thread.sleep(300);
        continue;
      }
      String taskId = open.get()[0];
      Step step = steps.get(open.get()[1]);
      if (step == null) {
        throw new IllegalStateException(marker + ": unexpected step " + open.get()[1]);
      }
      String assignee = open.get()[2];
      if (assignee == null) {
        ApiClient.Answer claimed = step.user().send("POST", "/api/tasks/" + taskId + "/claim", null);
        if (claimed == null || !claimed.ok()) {
          Thread.sleep(300);
          continue;
        }
        figures.acknowledged.incrementAndGet();
      } else if (!assignee.equals(step.user().username())) {
        throw new IllegalStateException(marker + ": " + open.get()[1] + " claimed by " + assignee);
      }
      step.before().run(instance);
      ApiClient.Answer done = step.user().send("POST", "/api/tasks/" + taskId + "/complete",
          Map.of("values", step.values()));
      if (done != null && done.ok()) {
        acknowledgedCompletions.put(taskId, step.user().username());
        figures.acknowledged.incrementAndGet();
      } else if (done != null && done.status() < 500 && done.status() != 409) {
        throw new IllegalStateException(marker + ": completion refused " + done.status() + " " + done.body());
      } else {
        serverErrors += done != null && done.status() >= 500 && done.status() != 503 ? 1 : 0;
        Thread.sleep(300);
      }
    }
    unfinished.put(marker, instance);
  }

  private String awaitQuery(String sql, String marker, Instant until) throws InterruptedException {
    while (Instant.now().isBefore(until)) {
      try {
        List<String> found = db.queryForList(sql, String.class, marker);
        return found.isEmpty() ? null : found.get(0);
      } catch (DataAccessException down) {
        Thread.sleep(500);
      }
    }
    return null;
  }

  private Optional<String[]> awaitTask(String instance, Instant until) throws InterruptedException {
    while (Instant.now().isBefore(until)) {
      Optional<String[]> task = taskOf(instance);
      if (task.isPresent()) {
        return task;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private Optional<String[]> taskOf(String instance) {
    try {
      return db.query("""
          select id, task_key, assignee from task_view where process_instance_id = ? and status = 'OPEN'
          order by created_at limit 1""", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
          rs.getString(3)}, instance).stream().findFirst();
    } catch (DataAccessException down) {
      return Optional.empty();
    }
  }

  private DoseSlot slot() {
    int next = nextSlot.getAndIncrement();
    if (next >= doseSlots.size()) {
      throw new IllegalStateException("no resident left without these doses (" + doseSlots.size() + " used)");
    }
    return doseSlots.get(next);
  }

  private static LocalDate doseDate() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(10);
  }

  private boolean passed(String instance, String activity) {
    try {
      return Boolean.TRUE.equals(db.queryForObject("""
          select exists (select 1 from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?
                           and end_time_ is not null)""", Boolean.class, instance, activity));
    } catch (DataAccessException down) {
      return false;
    }
  }

  private boolean ended(String instance) {
    try {
      return Boolean.TRUE.equals(db.queryForObject(
          "select end_time_ is not null from act_hi_procinst where id_ = ?", Boolean.class, instance));
    } catch (DataAccessException notYetOrDown) {
      return false;
    }
  }
}
