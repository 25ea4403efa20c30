package jp.lg.immunization.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed without an approved decision: the request is marked overdue, for the lists and the case (R28). */
@Component("markResidentRequestOverdue")
class MarkResidentRequestOverdue implements JavaDelegate {

  private final ResidentRequests requests;

  MarkResidentRequestOverdue(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.markOverdue(execution.getProcessBusinessKey());
  }
}
