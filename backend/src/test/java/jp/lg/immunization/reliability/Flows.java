package jp.lg.immunization.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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

  record Users(ApiClient staff1, ApiClient staff2, ApiClient super1) {}

  final Set<String> acknowledgedStarts = ConcurrentHashMap.newKeySet();
  final Map<String, String> acknowledgedCompletions = new ConcurrentHashMap<>();
  final Set<String> flowInstances = ConcurrentHashMap.newKeySet();
  /** Flows not finished within the harness's limit: marker, and the case's process instance where it was started. */
  final Map<String, String> unfinished = new ConcurrentHashMap<>();

  private final JdbcTemplate db;
  private final Figures figures;
  private final List<String> addresseeNumbers;
  private final Duration flowLimit;

  Flows(JdbcTemplate db, Figures figures, Duration flowLimit) {
    this.db = db;
    this.figures = figures;
    this.flowLimit = flowLimit;
    this.addresseeNumbers = db.queryForList("select addressee_number from resident order by id limit 500",
        String.class);
  }

  /** 住登外者確認: lookup through 市町村CS (outbox), proposal by one staff member, double check by another. */
  void nonResident(int n, Users users) throws InterruptedException {
    String marker = MARKER + " NR#" + n;
    // A person of their own per flow: the simulator answers the same query with the same synthetic 個人番号.
    Map<String, Object> values = Map.of("nameKana", "シケン " + kana(n), "birthDate", "1960-04-01", "sex", "MALE",
        "reason", marker);
    drive(n, marker, "NonResidentConfirmation",
        "select p.id_ from act_hi_procinst p join non_resident_case c on p.business_key_ = c.id::text"
            + " where c.query_reason = ?",
        users.staff1(), values, Map.of(
            "ProposeMatch", new Step(users.staff1(), Map.of("decision", "PROPOSE", "note", "一致")),
            "DoubleCheckMatch", new Step(users.staff2(), Map.of("decision", "CONFIRM"))));
  }

  /** 情報照会: supervisor approval, sending through the 中間サーバー (outbox), two checks of the result. */
  void informationQuery(int n, Users users) throws InterruptedException {
    String marker = MARKER + " IQ#" + n;
    Map<String, Object> values = Map.of(
        "addresseeNumber", addresseeNumbers.get(ThreadLocalRandom.current().nextInt(addresseeNumbers.size())),
        "informationItem", "VACCINATION_RECORD", "legalBasis", "ACT19_8_TABLE14", "purpose", marker);
    drive(n, marker, "InformationQuery",
        "select p.id_ from act_hi_procinst p join information_query q on p.business_key_ = q.id::text"
            + " where q.purpose = ?",
        users.staff1(), values, Map.of(
            "ApproveQuery", new Step(users.super1(), Map.of("decision", "APPROVE")),
            "CheckQueryResult", new Step(users.staff1(), Map.of("decision", "CONFIRM")),
            "DoubleCheckQueryResult", new Step(users.staff2(), Map.of("decision", "SAVE"))));
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

  private record Step(ApiClient user, Map<String, Object> values) {}

  private void drive(int n, String marker, String processKey, String instanceByMarker, ApiClient starter,
                     Map<String, Object> values, Map<String, Step> steps) throws InterruptedException {
    figures.flowsStarted.incrementAndGet();
    Instant until = Instant.now().plus(flowLimit);
    String instance = null;
    while (instance == null && Instant.now().isBefore(until)) {
      ApiClient.Answer started = starter.send("POST", "/api/processes/" + processKey + "/start",
          Map.of("values", values));
      if (started != null && started.ok()) {
        instance = started.body().path("processInstanceId").asText();
        acknowledgedStarts.add(instance);
        figures.acknowledged.incrementAndGet();
      } else if (started == null || started.status() >= 500) {
        // No answer: whether the start committed is read from the database once it is back, never guessed.
        instance = awaitQuery(instanceByMarker, marker, until);
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
      if (ended(instance)) {
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

  private boolean ended(String instance) {
    try {
      return Boolean.TRUE.equals(db.queryForObject(
          "select end_time_ is not null from act_hi_procinst where id_ = ?", Boolean.class, instance));
    } catch (DataAccessException notYetOrDown) {
      return false;
    }
  }
}
