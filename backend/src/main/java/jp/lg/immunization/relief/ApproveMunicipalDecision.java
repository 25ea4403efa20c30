package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not decide approves the decision or sends it back. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "ApproveMunicipalDecision")
class ApproveMunicipalDecision implements StepHandler<ApproveMunicipalDecision.Form> {

  record Form(String approval, String reason) {}

  private final ReliefClaims claims;

  ApproveMunicipalDecision(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.approve(businessKey, form.approval(), form.reason());
  }
}
