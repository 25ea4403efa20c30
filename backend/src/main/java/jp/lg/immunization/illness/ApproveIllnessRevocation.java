package jp.lg.immunization.illness;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A supervisor who did not propose the revocation approves it (the extensions are no longer in force) or keeps the
 * special case in force with the reason.
 */
@Step(process = IllnessExceptions.REVOCATION_PROCESS_KEY, task = "ApproveLongTermIllnessRevocation")
class ApproveIllnessRevocation implements StepHandler<ApproveIllnessRevocation.Form> {

  record Form(IllnessExceptions.Revocation revocation, String reason) {}

  private final IllnessExceptions exceptions;

  ApproveIllnessRevocation(IllnessExceptions exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    exceptions.decideRevocation(businessKey, form.revocation(), form.reason());
  }
}
