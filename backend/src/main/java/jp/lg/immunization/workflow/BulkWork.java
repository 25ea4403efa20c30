package jp.lg.immunization.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Several tasks at once: claim or release, or (supervisors) approve several approvals of one step. Each item is done
 * as if alone, in its own transaction with every rule and audit event of a single one, so a refusal or a lost race
 * stops only its own item; the answer lists each item's outcome.
 */
@Service
class BulkWork {

  enum Action { CLAIM, RELEASE }

  record Outcome(String taskId, boolean done, String error, String message) {}

  static final int MAX_ITEMS = 100;

  private static final Logger log = LoggerFactory.getLogger(BulkWork.class);

  private final TaskWork work;
  private final Approvals approvals;
  private final TaskInbox inbox;

  BulkWork(TaskWork work, Approvals approvals, TaskInbox inbox) {
    this.work = work;
    this.approvals = approvals;
    this.inbox = inbox;
  }

  List<Outcome> apply(String action, List<String> taskIds) {
    Action chosen;
    try {
      chosen = Action.valueOf(action == null ? "" : action.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("操作を選んでください", Map.of("action", "操作は claim（担当する）か release（担当を外す）です"));
    }
    return each(taskIds, id -> {
      if (chosen == Action.CLAIM) {
        work.claim(id);
      } else {
        work.unclaim(id);
      }
    });
  }

  /** Approvals of one step only: the supervisor has seen each one's summary side by side before deciding. */
  List<Outcome> approve(List<String> taskIds, Map<String, Object> values) {
    Set<String> steps = new LinkedHashSet<>();
    for (String id : ids(taskIds)) {
      inbox.find(id).ifPresent(task -> steps.add(task.processKey() + "/" + task.taskKey()));
    }
    if (steps.size() > 1) {
      throw ApiException.invalid("一度に承認できるのは同じ手順の承認だけです",
          Map.of("taskIds", "同じ手順の承認だけを選んでください"));
    }
    return each(taskIds, id -> approvals.decide(id, values));
  }

  private interface Item {
    void run(String taskId);
  }

  private List<Outcome> each(List<String> taskIds, Item item) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : ids(taskIds)) {
      try {
        item.run(id);
        outcomes.add(new Outcome(id, true, null, null));
      } catch (ApiException e) {
        outcomes.add(new Outcome(id, false, e.error(), e.getMessage()));
      } catch (RuntimeException e) {
        // One item's failure must not stop the others; the cause goes to the log, without the task's data.
        log.warn("Bulk item failed: task {}", id, e);
        outcomes.add(new Outcome(id, false, "failed", "処理できませんでした。このタスクを開いてやり直してください"));
      }
    }
    return outcomes;
  }

  private static List<String> ids(List<String> taskIds) {
    if (taskIds == null || taskIds.isEmpty() || taskIds.size() > MAX_ITEMS) {
      throw ApiException.invalid("タスクを選んでください",
          Map.of("taskIds", "1件以上" + MAX_ITEMS + "件以内のタスクを選んでください"));
    }
    return List.copyOf(new LinkedHashSet<>(taskIds));
  }
}
