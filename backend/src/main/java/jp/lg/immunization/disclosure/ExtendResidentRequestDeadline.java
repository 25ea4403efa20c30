package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.workflow.LegalDeadlines;
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
  private final LegalDeadlines legalDeadlines;

  ExtendResidentRequestDeadline(ResidentRequests requests, RequestDeadlines deadlines, LegalDeadlines legalDeadlines) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.legalDeadlines = legalDeadlines;
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
    Map<String, Object> timers = deadlines.timerVariables(newDue);
    legalDeadlines.move(execution, (Date) timers.get(RequestDeadlines.DUE_AT));
    execution.setVariables(timers);
    execution.setVariable(RequestDeadlines.EXTENDED, true);
  }
}
