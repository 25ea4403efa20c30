package jp.lg.immunization.disclosure;

import java.util.Optional;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/**
 * The request as a case (R28): its business status follows the {@code caseStatus} each step of the BPMN declares,
 * and reaching a step is written on the request's timeline.
 */
@Component("residentRequestStatus")
@CaseProcesses(ResidentRequests.PROCESS_KEY)
class ResidentRequestStatus implements CaseType<ResidentRequest.Status> {

  private final ResidentRequests requests;
  private final ResidentRequestEvents events;

  ResidentRequestStatus(ResidentRequests requests, ResidentRequestEvents events) {
    this.requests = requests;
    this.events = events;
  }

  @Override
  public void enter(String businessKey, ResidentRequest.Status status) {
    requests.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }
}
