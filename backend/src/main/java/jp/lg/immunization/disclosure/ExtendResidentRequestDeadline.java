package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import jp.lg.immunization.platform.ApiException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The process's own guard on the extension (R28): it moves the deadline only once, and only to the due date of an
 * extension whose notice is recorded. Otherwise it refuses, and the correlating transaction changes nothing.
 */
@Component("extendResidentRequestDeadline")
class ExtendResidentRequestDeadline implements JavaDelegate {

  private final ResidentRequests requests;
  private final RequestDeadlines deadlines;

  ExtendResidentRequestDeadline(ResidentRequests requests, RequestDeadlines deadlines) {
    this.requests = requests;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(RequestDeadlines.EXTENDED))) {
      throw ApiException.conflict("already_extended", "期限の延長は1回だけです");
    }
    long id = Long.parseLong(execution.getProcessBusinessKey());
    if (requests.byId(id).overdue()) {
      throw ApiException.conflict("deadline_passed", "期限を過ぎているため延長できません。延長は期限内に通知する必要があります");
    }
    LocalDate newDue = requests.extendedDueOn(id);
    if (newDue == null) {
      throw ApiException.conflict("extension_notice_missing", "延長の通知（理由と送付日）が記録されていないため延長できません");
    }
    execution.setVariables(deadlines.timerVariables(newDue));
    execution.setVariable(RequestDeadlines.EXTENDED, true);
  }
}
