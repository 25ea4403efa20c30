package jp.lg.immunization.illness;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A supervisor who neither recorded nor corrected the case approves it (the extensions are in force from then on),
 * sends it back for correction, or rejects it; sending back and rejecting need the reason.
 */
@Step(process = IllnessExceptions.PROCESS_KEY, task = "ApproveLongTermIllnessException")
class ApproveIllnessException implements StepHandler<ApproveIllnessException.Form> {

  record Form(IllnessExceptions.Approval approval, String reason) {}

  private final IllnessExceptions exceptions;

  ApproveIllnessException(IllnessExceptions exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    exceptions.decide(businessKey, form.approval(), form.reason());
  }
}
