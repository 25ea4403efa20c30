package jp.lg.immunization.vaccination;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A second staff member approves the batch (then every accepted line is registered), sends it back to review, or
 * rejects it. The approver is recorded on the batch: registration refuses a batch nobody approved.
 */
@Step(process = DoseBatches.PROCESS_KEY, task = "ApproveBatch")
class ApproveBatch implements StepHandler<ApproveBatch.Form> {

  enum Decision { APPROVE, SEND_BACK, REJECT }

  record Form(Decision decision) {}

  private final DoseBatches batches;

  ApproveBatch(DoseBatches batches) {
    this.batches = batches;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.decision() == Decision.APPROVE) {
      batches.approve(Long.parseLong(businessKey));
    }
  }
}
