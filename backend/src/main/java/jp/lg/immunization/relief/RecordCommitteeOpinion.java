package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The committee's opinion and its summary. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "RecordCommitteeOpinion")
class RecordCommitteeOpinion implements StepHandler<RecordCommitteeOpinion.Form> {

  record Form(String opinion, String summary) {}

  private final ReliefClaims claims;

  RecordCommitteeOpinion(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.recordCommitteeOpinion(businessKey, form.opinion(), form.summary());
  }
}
