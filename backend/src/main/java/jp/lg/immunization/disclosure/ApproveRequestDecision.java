package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not decide approves the decision or sends it back with the reason. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "ApproveRequestDecision")
class ApproveRequestDecision implements StepHandler<ApproveRequestDecision.Form> {

  record Form(String approval, String reason) {}

  private final ResidentRequests requests;

  ApproveRequestDecision(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.approve(businessKey, form.approval(), form.reason());
  }
}
