package jp.lg.immunization.resident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers a resident entered by staff once a supervisor approved (R01, R05), once. */
@Component("registerEnteredResident")
class RegisterEnteredResident implements JavaDelegate {

  private final ResidentEntries entries;

  RegisterEnteredResident(ResidentEntries entries) {
    this.entries = entries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    entries.register(execution.getProcessBusinessKey());
  }
}
