package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor accepts a late B-class claim or refuses it as late, with the reason. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "ReviewLateClaim")
class ReviewLateClaim implements StepHandler<ReviewLateClaim.Form> {

  record Form(String lateDecision, String reason) {}

  private final ReliefClaims claims;

  ReviewLateClaim(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.reviewLate(businessKey, form.lateDecision(), form.reason());
  }
}
