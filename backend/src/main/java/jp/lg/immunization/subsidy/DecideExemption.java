package jp.lg.immunization.subsidy;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff decide an application the match could not decide, on what they checked themselves (R26). */
@Step(process = ExemptionApplications.PROCESS_KEY, task = "DecideExemption")
class DecideExemption implements StepHandler<DecideExemption.Form> {

  record Form(CoPayExemption.Decision decision, ExemptionDecisions.Ground exemptionGround,
              StatusMatch.Source evidence, String reason) {}

  private final ExemptionDecisions decisions;

  DecideExemption(ExemptionDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    decisions.decideByStaff(businessKey, form.decision(), form.exemptionGround(), form.evidence(), form.reason());
  }
}
