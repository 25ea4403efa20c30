package jp.lg.immunization.workflow;

import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the claims and completions of one task across nodes: the second waits on the task's read-model row until
 * the first commits, then finds the task taken and gets a 409, instead of racing the engine into an error.
 */
@Component
class TaskLocks {

  static final String LOST_RACE = "他の職員が同時にこのタスクを処理しました。一覧を更新してください";

  private final JdbcTemplate jdbc;

  TaskLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the task's row for this transaction; refused with 409 when it is no longer open once the lock is had. */
  void lockOpen(String taskId) {
    String status = jdbc.query("select status from task_view where id = ? for update", rs -> rs.next()
        ? rs.getString(1) : null, taskId);
    if (!"OPEN".equals(status)) {
      throw ApiException.conflict("concurrent_edit", LOST_RACE);
    }
  }
}
