package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record the document that proved the requester's identity, or that it could not be proved (R28). */
@Step(process = ResidentRequests.PROCESS_KEY, task = "CheckRequesterIdentity")
class CheckRequesterIdentity implements StepHandler<CheckRequesterIdentity.Form> {

  record Form(String identityDocument, String identityResult, String identityNote) {}

  private final ResidentRequests requests;

  CheckRequesterIdentity(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.checkIdentity(businessKey, form.identityDocument(), form.identityResult(), form.identityNote());
  }
}
