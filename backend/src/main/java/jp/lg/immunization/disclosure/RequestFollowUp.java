package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.StepHandler;

/** A follow-up step of the deadline watch: what was done about the request goes on its timeline. */
abstract class RequestFollowUp implements StepHandler<RequestFollowUp.Form> {

  record Form(String note) {}

  private final ResidentRequests requests;
  private final String what;

  /** @param what the follow-up as the timeline names it */
  RequestFollowUp(ResidentRequests requests, String what) {
    this.requests = requests;
    this.what = what;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.recordFollowUp(businessKey, what, form.note());
  }
}
