package jp.lg.immunization.subsidy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The match through 庁内連携 was conclusive: its outcome becomes the decision. */
@Component("decideExemptionAutomatically")
class DecideExemptionAutomatically implements JavaDelegate {

  private final ExemptionDecisions decisions;

  DecideExemptionAutomatically(ExemptionDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    decisions.decideAutomatically(execution.getProcessBusinessKey());
  }
}
