package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not prepare the run approves its payments in bulk or sends it back. */
@Step(process = ReliefPayments.RUN_PROCESS_KEY, task = "ApprovePaymentRun")
class ApprovePaymentRun implements StepHandler<ApprovePaymentRun.Form> {

  record Form(String approval, String reason) {}

  private final ReliefPayments payments;

  ApprovePaymentRun(ReliefPayments payments) {
    this.payments = payments;
  }

  @Override
  public void complete(String businessKey, Form form) {
    payments.decideRun(businessKey, form.approval(), form.reason());
  }
}
