package jp.lg.immunization.workflow;

import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * For changes a step makes through a module's own screens (e.g. correcting a batch's rows during its review): only
 * whoever holds that open step may make them, so that the work is done in the step, by one known person, and the
 * four-eyes rule knows who did it.
 */
@Service
public class StepHolders {

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  StepHolders(JdbcTemplate jdbc, CurrentUser currentUser, AuditTrail audit) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Refuses (409 when the step is not open, 403 for anyone but its holder) unless the user holds the step. */
  public void require(String processKey, String businessKey, String taskKey, String stepName) {
    List<String> assignees = jdbc.query("""
        select assignee from task_view where process_key = ? and case_id = ? and task_key = ? and status = 'OPEN'""",
        (rs, n) -> rs.getString(1), processKey, businessKey, taskKey);
    if (assignees.isEmpty()) {
      throw ApiException.conflict("step_not_open", "「" + stepName + "」の手順が開いていないため、変更できません");
    }
    String username = currentUser.get().username();
    if (!assignees.contains(username)) {
      audit.recordRefusal(AuditOperation.TASK_REFUSED, null, "process=" + processKey + " case=" + businessKey
          + " task=" + taskKey + " reason=not-holder");
      throw ApiException.forbidden("not_step_holder", "「" + stepName + "」を担当している職員だけが変更できます。タスク一覧で担当してください");
    }
  }
}
