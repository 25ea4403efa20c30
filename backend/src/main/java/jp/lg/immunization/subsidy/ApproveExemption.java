package jp.lg.immunization.subsidy;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not decide approves an exemption staff granted, or sends it back for a new decision. */
@Step(process = ExemptionApplications.PROCESS_KEY, task = "ApproveExemption")
class ApproveExemption implements StepHandler<ApproveExemption.Form> {

  enum Approval { APPROVE, REJECT }

  record Form(Approval decision) {}

  private final ExemptionDecisions decisions;

  ApproveExemption(ExemptionDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.decision() == Approval.APPROVE) {
      decisions.approve(businessKey);
    } else {
      decisions.sendBack(businessKey);
    }
  }
}
