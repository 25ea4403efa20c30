package jp.lg.immunization.resident;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The supervisor's decision on a 個人番号 correction, recorded with who decided and why a rejection was made. */
@Step(process = IdentityCorrections.PROCESS_KEY, task = "ApproveMyNumberCorrection")
class ApproveMyNumberCorrection implements StepHandler<ApproveMyNumberCorrection.Form> {

  record Form(String decision, String reason) {}

  private final IdentityCorrections corrections;

  ApproveMyNumberCorrection(IdentityCorrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void complete(String businessKey, Form form) {
    corrections.decide(businessKey, form.decision(), form.reason());
  }
}
