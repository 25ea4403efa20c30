package jp.lg.immunization.vaccination;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * Staff have corrected or excluded the rejected lines and send the batch on to approval, or discard it. It goes on
 * only with no rejected line left and at least one line to register.
 */
@Step(process = DoseBatches.PROCESS_KEY, task = "ReviewBatchErrors")
class ReviewBatchErrors implements StepHandler<ReviewBatchErrors.Form> {

  enum Decision { PROCEED, DISCARD }

  record Form(Decision decision) {}

  private final DoseBatches batches;

  ReviewBatchErrors(DoseBatches batches) {
    this.batches = batches;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.decision() == Decision.PROCEED) {
      batches.requireReadyForApproval(Long.parseLong(businessKey));
    }
  }
}
