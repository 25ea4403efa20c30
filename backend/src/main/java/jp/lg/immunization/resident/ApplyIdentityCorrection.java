package jp.lg.immunization.resident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies a 職権修正 to the register (R05), once. */
@Component("applyIdentityCorrection")
class ApplyIdentityCorrection implements JavaDelegate {

  private final IdentityCorrections corrections;

  ApplyIdentityCorrection(IdentityCorrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    corrections.apply(execution.getProcessBusinessKey());
  }
}
