package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The application as a case: its business status follows the {@code caseStatus} each step of the BPMN declares. */
@Component("coPayExemptionStatus")
@CaseProcesses(ExemptionApplications.PROCESS_KEY)
class CoPayExemptionStatus implements CaseType<CoPayExemption.Status> {

  private final ExemptionApplications applications;
  private final Clock clock;

  CoPayExemptionStatus(ExemptionApplications applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  /** The first end of an application is its end: entering an ended status again keeps that time. */
  @Override
  public void enter(String businessKey, CoPayExemption.Status status) {
    applications.byBusinessKey(businessKey).status(status, Instant.now(clock));
  }
}
