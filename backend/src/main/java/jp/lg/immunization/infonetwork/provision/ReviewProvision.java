package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff prepare what is to be provided (for a supervisor to approve, R17, R18) or decide to withhold it. */
@Step(process = ProvisionRequests.PROCESS_KEY, task = ReviewProvision.TASK)
class ReviewProvision implements StepHandler<ReviewProvision.Form> {

  /** The form opens with the resident's 副本 (see {@link ProvisionRequests#formData}). */
  static final String TASK = "ReviewProvision";

  record Form(String decision, String content) {}

  private final ProvisionRequests requests;

  ReviewProvision(ProvisionRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("PROVIDE".equals(form.decision())) {
      requests.reviewed(businessKey, form.content());
    }
  }
}
