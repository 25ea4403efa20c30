package jp.lg.immunization.workflow;

import jp.lg.immunization.platform.ApiException;
import org.springframework.stereotype.Component;

/**
 * Serialises the claims and completions of one task across nodes: the second waits on the task's read-model row until
 * the first commits, then finds the task taken and gets a 409, instead of racing the engine into an error.
 */
@Component
class TaskLocks {

  static final String LOST_RACE = "他の職員が同時にこのタスクを処理しました。一覧を更新してください";

  private final TaskInbox inbox;

  TaskLocks(TaskInbox inbox) {
    this.inbox = inbox;
  }

  /**
   * Locks the task's row for this transaction and reads it as it is once the lock is had, in one statement; refused
   * with 409 when it is no longer open.
   */
  TaskSummary lockOpen(String taskId) {
    return inbox.findForUpdate(taskId).filter(task -> "OPEN".equals(task.status()))
        .orElseThrow(() -> ApiException.conflict("concurrent_edit", LOST_RACE));
  }
}
