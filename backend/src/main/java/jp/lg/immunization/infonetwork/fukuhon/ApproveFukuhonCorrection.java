package jp.lg.immunization.infonetwork.fukuhon;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not request it approves the correction, which only then is applied (R22). */
@Step(process = FukuhonProcesses.CORRECTION, task = "ApproveFukuhonCorrection")
class ApproveFukuhonCorrection implements StepHandler<ApproveFukuhonCorrection.Form> {

  record Form(String decision) {}

  private final FukuhonCases cases;

  ApproveFukuhonCorrection(FukuhonCases cases) {
    this.cases = cases;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("APPROVE".equals(form.decision())) {
      cases.approve(businessKey);
    }
  }
}
