package jp.lg.immunization.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ManagementService;

/**
 * Synthetic users taking one information query (情報照会) after another from request to saved
 * result: staff1 requests, super1 approves from the approval queue, the SendQuery job runs, the
 * intermediate-server simulator answers at once, staff1 and staff2 check the result. Every user step
 * goes through the real HTTP API; each call is timed as its user waits for it. A check is completed as the task page's
 * button does for a step its user does not hold yet: claim-and-complete, one request.
 */
final class InformationQueryFlows {

  static final String PROCESS_KEY = "InformationQuery";
  static final String PURPOSE = "高齢者インフルエンザ予防接種の自己負担金免除の判定のため";

  enum Step {
    START("POST /api/processes/InformationQuery/start (staff1)"),
    FIND_APPROVAL("GET /api/approvals?size=20 (super1)"),
    APPROVE("POST /api/approvals/{taskId} APPROVE (super1)"),
    SEND_JOB("SendQuery job: ManagementService.executeJob"),
    FIND_CHECK("POST /api/tasks/search group tab, 業務 情報照会, each poll (staff1)"),
    CHECK("POST /api/tasks/{id}/claim-and-complete CONFIRM (staff1)"),
    FIND_DOUBLE_CHECK("POST /api/tasks/search group tab, 業務 情報照会 (staff2)"),
    DOUBLE_CHECK("POST /api/tasks/{id}/claim-and-complete SAVE (staff2)");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  /**
   * The list as the inbox's first page asks for it (features/tasks fetchTasks): by POST, the UI's page size, the tabs'
   * counts with it. The group tab lists its oldest step first, and at city scale thousands of older steps of every
   * process come before a new one; staff who work on information queries narrow it with the list's 業務 filter.
   */
  static final Map<String, String> GROUP_TAB_OF_QUERIES = Map.of("view", "group", "processKey", PROCESS_KEY,
      "size", "50", "withCounts", "true");
  /** A stand-in for the server's push, on which the UI fetches the list again: a poll while the answer is awaited. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(10);
  private static final Duration ANSWER_WAIT_LIMIT = Duration.ofSeconds(30);

  private final ApiClient requester;
  private final ApiClient approver;
  private final ApiClient secondChecker;
  private final ManagementService management;

  private Map<Step, Latencies> steps = new EnumMap<>(Step.class);
  private Latencies answerWaits = Latencies.empty();
  private Latencies flows = Latencies.empty();
  private Latencies flowsLessAnswerWaits = Latencies.empty();

  /** staff1 and staff2 share the staff group's tab. */
  InformationQueryFlows(ApiClient requester, ApiClient approver, ApiClient secondChecker,
                        ManagementService management) {
    this.requester = requester;
    this.approver = approver;
    this.secondChecker = secondChecker;
    this.management = management;
  }

  /** Starts timing afresh: what was recorded so far (the warm-up) is dropped. */
  void resetTimings() {
    steps = new EnumMap<>(Step.class);
    answerWaits = Latencies.empty();
    flows = Latencies.empty();
    flowsLessAnswerWaits = Latencies.empty();
  }

  Latencies latencies(Step step) {
    return steps.get(step);
  }

  /** From the end of the SendQuery job to the first poll that shows CheckQueryResult. */
  Latencies answerWaits() {
    return answerWaits;
  }

  Latencies flows() {
    return flows;
  }

  /** Adds this client's flows to {@code all}, e.g. those of every client of a concurrent run. */
  void addFlowsTo(Latencies all) {
    flows.addAllTo(all);
  }

  /** Each flow less its answer wait: the app's own time, without the simulator's and the polling's. */
  Latencies flowsLessAnswerWaits() {
    return flowsLessAnswerWaits;
  }

  /** One complete flow for the resident with this 宛名番号, ending with the result saved to their record. */
  void run(String addresseeNumber) throws Exception {
    long flowStart = System.nanoTime();
    Map<String, Object> request = Map.of("addresseeNumber", addresseeNumber, "informationItem", "LOCAL_TAX",
        "legalBasis", "ACT19_8_TABLE14", "purpose", PURPOSE);
    String instance = time(Step.START, () -> requester.post("/api/processes/" + PROCESS_KEY + "/start",
        Map.of("values", request), 201)).path("processInstanceId").asText();

    // The flows of one client run one after another: the supervisor's queue holds at most one query per client.
    JsonNode approval = inPage(time(Step.FIND_APPROVAL, () -> approver.get("/api/approvals?size=20")), instance,
        "ApproveQuery", "task");
    if (approval == null) {
      throw new IllegalStateException("the approval of " + instance + " is not on the first page of the queue");
    }
    String approvalId = approval.path("task").path("id").asText();
    time(Step.APPROVE, () -> approver.post("/api/approvals/" + approvalId,
        Map.of("values", Map.of("decision", "APPROVE")), 204));

    // The benchmark context runs no job executor: run the asynchronous SendQuery step as it would.
    time(Step.SEND_JOB, () -> {
      management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
      return null;
    });
    long sent = System.nanoTime();
    String check = awaitInGroupView(requester, Step.FIND_CHECK, instance, "CheckQueryResult");
    long answerWait = System.nanoTime() - sent;
    answerWaits.add(answerWait);
    time(Step.CHECK, () -> requester.post("/api/tasks/" + check + "/claim-and-complete",
        Map.of("values", Map.of("decision", "CONFIRM")), 204));

    String doubleCheck = awaitInGroupView(secondChecker, Step.FIND_DOUBLE_CHECK, instance, "DoubleCheckQueryResult");
    time(Step.DOUBLE_CHECK, () -> secondChecker.post("/api/tasks/" + doubleCheck + "/claim-and-complete",
        Map.of("values", Map.of("decision", "SAVE")), 204));
    long flow = System.nanoTime() - flowStart;
    flows.add(flow);
    flowsLessAnswerWaits.add(flow - answerWait);
  }

  /** Polls the group tab until the step appears: the answer arrives on the simulator's thread. */
  private String awaitInGroupView(ApiClient staff, Step step, String instance, String taskKey) throws Exception {
    long giveUpAt = System.nanoTime() + ANSWER_WAIT_LIMIT.toNanos();
    while (true) {
      JsonNode task = inPage(time(step, () -> staff.post("/api/tasks/search", GROUP_TAB_OF_QUERIES, 200)), instance,
          taskKey, null);
      if (task != null) {
        return task.path("id").asText();
      }
      if (System.nanoTime() > giveUpAt) {
        throw new IllegalStateException(taskKey + " of " + instance + " did not appear within " + ANSWER_WAIT_LIMIT);
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  /** The page's item for that step of the instance, or null; {@code summaryField} names where the task summary is. */
  private static JsonNode inPage(JsonNode page, String instance, String taskKey, String summaryField) {
    for (JsonNode item : page.path("items")) {
      JsonNode task = summaryField == null ? item : item.path(summaryField);
      if (instance.equals(task.path("processInstanceId").asText()) && taskKey.equals(task.path("taskKey").asText())) {
        return item;
      }
    }
    return null;
  }

  private <T> T time(Step step, Callable<T> call) throws Exception {
    long start = System.nanoTime();
    T result = call.call();
    steps.computeIfAbsent(step, s -> Latencies.empty()).add(System.nanoTime() - start);
    return result;
  }
}
