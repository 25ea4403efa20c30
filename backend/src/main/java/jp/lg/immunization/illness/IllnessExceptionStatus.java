package jp.lg.immunization.illness;

import java.util.Optional;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/**
 * The special case as a case, recorded by one process and revoked by another: its business status follows the {@code caseStatus} each step of the BPMN declares,
 * and reaching a step is written on its timeline.
 */
@Component("illnessExceptionStatus")
@CaseProcesses({IllnessExceptions.PROCESS_KEY, IllnessExceptions.REVOCATION_PROCESS_KEY})
class IllnessExceptionStatus implements CaseType<IllnessException.Status> {

  private final IllnessExceptions exceptions;
  private final IllnessEvents events;

  IllnessExceptionStatus(IllnessExceptions exceptions, IllnessEvents events) {
    this.exceptions = exceptions;
    this.events = events;
  }

  @Override
  public void enter(String businessKey, IllnessException.Status status) {
    exceptions.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }
}
