package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor notes what is done about a request past its deadline. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "FollowUpOverdueRequest")
class FollowUpOverdueRequest implements StepHandler<FollowUpOverdueRequest.Form> {

  record Form(String note) {}

  private final ResidentRequests requests;

  FollowUpOverdueRequest(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.recordFollowUp(businessKey, "期限を過ぎた請求の確認", form.note());
  }
}
