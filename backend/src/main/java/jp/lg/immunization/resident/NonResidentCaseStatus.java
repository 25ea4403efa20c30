package jp.lg.immunization.resident;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Moves the case's business status as the process reaches each step; the step decides the status. */
@Component("nonResidentCaseStatus")
class NonResidentCaseStatus implements ExecutionListener {

  private static final Map<String, NonResidentCase.Status> STATUS_AT = Map.of(
      "ProposeMatch", NonResidentCase.Status.PROPOSING,
      "DoubleCheckMatch", NonResidentCase.Status.DOUBLE_CHECK,
      "NonResidentConfirmed", NonResidentCase.Status.CONFIRMED,
      "IdentityNotFound", NonResidentCase.Status.NOT_FOUND,
      "Withdrawn", NonResidentCase.Status.WITHDRAWN,
      "LookupExpired", NonResidentCase.Status.TIMED_OUT);

  private final NonResidentCases cases;

  NonResidentCaseStatus(NonResidentCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    NonResidentCase.Status status = STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("No case status for step " + execution.getCurrentActivityId());
    }
    cases.byBusinessKey(execution.getProcessBusinessKey()).status(status);
  }
}
