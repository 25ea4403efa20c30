package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not prepare it approves the provision, which only then is sent (R18), or sends it back. */
@Step(process = ProvisionRequests.PROCESS_KEY, task = "ApproveProvision")
class ApproveProvision implements StepHandler<ApproveProvision.Form> {

  record Form(String decision) {}

  private final ProvisionRequests requests;

  ApproveProvision(ProvisionRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("APPROVE".equals(form.decision())) {
      requests.approved(businessKey);
    }
  }
}
