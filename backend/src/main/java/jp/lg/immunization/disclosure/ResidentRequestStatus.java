package jp.lg.immunization.disclosure;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.springframework.stereotype.Component;

/** Moves the request's business status as the process reaches each step, and puts the step on the timeline (R28). */
@Component("residentRequestStatus")
class ResidentRequestStatus implements ExecutionListener {

  private static final Map<String, ResidentRequest.Status> STATUS_AT = Map.of(
      "RequestReceived", ResidentRequest.Status.RECEIVED,
      "CheckRequesterIdentity", ResidentRequest.Status.IDENTITY_CHECK,
      "RequestReturned", ResidentRequest.Status.RETURNED,
      "DecideRequest", ResidentRequest.Status.DECIDING,
      "ApproveRequestDecision", ResidentRequest.Status.AWAITING_APPROVAL,
      "RecordCorrection", ResidentRequest.Status.CORRECTING,
      "RecordNoticeSent", ResidentRequest.Status.NOTIFYING,
      "RequestClosed", ResidentRequest.Status.CLOSED);

  private final ResidentRequests requests;
  private final ResidentRequestEvents events;

  ResidentRequestStatus(ResidentRequests requests, ResidentRequestEvents events) {
    this.requests = requests;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String step = execution.getCurrentActivityId();
    ResidentRequest.Status status = STATUS_AT.get(step);
    if (status == null) {
      throw new IllegalStateException("No resident request status for step " + step);
    }
    requests.status(execution.getProcessBusinessKey(), status);
    if (!"RequestReceived".equals(step)) {
      events.record(Long.parseLong(execution.getProcessBusinessKey()), "STEP",
          (execution.getBpmnModelElementInstance() instanceof EndEvent ? "終了: " : "手順: ")
              + execution.getCurrentActivityName(), ResidentRequestEvents.SYSTEM);
    }
  }
}
