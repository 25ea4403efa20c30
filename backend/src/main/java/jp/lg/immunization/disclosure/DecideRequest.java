package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff decide the request, with the reason; the decision must answer the kind of request. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "DecideRequest")
class DecideRequest implements StepHandler<DecideRequest.Form> {

  record Form(ResidentRequest.Decision decision, String reason) {}

  private final ResidentRequests requests;

  DecideRequest(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.decide(businessKey, form.decision(), form.reason());
  }
}
