package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff note what they did about a request whose deadline is near. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "FollowUpDeadline")
class FollowUpDeadline implements StepHandler<FollowUpDeadline.Form> {

  record Form(String note) {}

  private final ResidentRequests requests;

  FollowUpDeadline(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.recordFollowUp(businessKey, "期限が近い請求の確認", form.note());
  }
}
