package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** What staff learnt when chasing the Ministry's pending decision. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "FollowUpMinistryDecision")
class FollowUpMinistryDecision implements StepHandler<FollowUpMinistryDecision.Form> {

  record Form(String note) {}

  private final ReliefClaims claims;

  FollowUpMinistryDecision(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.recordFollowUp(businessKey, form.note());
  }
}
