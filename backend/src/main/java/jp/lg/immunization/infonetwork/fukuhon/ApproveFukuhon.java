package jp.lg.immunization.infonetwork.fukuhon;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A supervisor other than the two who checked it approves the 副本, which only then is registered (R21); a supervisor
 * who did not request it approves a correction, which only then is applied (R22).
 */
@Step(process = FukuhonProcesses.REGISTRATION, task = "ApproveFukuhon")
@Step(process = FukuhonProcesses.CORRECTION, task = "ApproveFukuhonCorrection")
class ApproveFukuhon implements StepHandler<ApproveFukuhon.Form> {

  record Form(String decision) {}

  private final FukuhonCases cases;

  ApproveFukuhon(FukuhonCases cases) {
    this.cases = cases;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("APPROVE".equals(form.decision())) {
      cases.approve(businessKey);
    }
  }
}
