package jp.lg.immunization.subsidy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the 決定通知 and records it. */
@Component("sendExemptionNotice")
class SendExemptionNotice implements JavaDelegate {

  private final ExemptionDecisions decisions;

  SendExemptionNotice(ExemptionDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    decisions.issueNotice(execution.getProcessBusinessKey());
  }
}
