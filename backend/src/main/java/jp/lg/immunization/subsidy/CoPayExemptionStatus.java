package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Moves the application's business status as the process reaches each step; the step decides the status. */
@Component("coPayExemptionStatus")
class CoPayExemptionStatus implements ExecutionListener {

  private static final Map<String, CoPayExemption.Status> STATUS_AT = Map.of(
      "IdentifyApplicant", CoPayExemption.Status.IDENTIFYING,
      "MatchTaxAndWelfareStatus", CoPayExemption.Status.MATCHING,
      "DecideExemption", CoPayExemption.Status.AWAITING_DECISION,
      "ApproveExemption", CoPayExemption.Status.AWAITING_APPROVAL,
      "NoticeSent", CoPayExemption.Status.NOTIFIED,
      "ApplicationReturned", CoPayExemption.Status.RETURNED,
      "ApplicationWithdrawn", CoPayExemption.Status.WITHDRAWN);

  private final ExemptionApplications applications;
  private final Clock clock;

  CoPayExemptionStatus(ExemptionApplications applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CoPayExemption.Status status = STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("No co-pay exemption status for step " + execution.getCurrentActivityId());
    }
    applications.byBusinessKey(execution.getProcessBusinessKey()).status(status, Instant.now(clock));
  }
}
