package jp.lg.immunization.relief;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The prefecture's ruling on a 審査請求. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "RecordAppealOutcome")
class RecordAppealOutcome implements StepHandler<RecordAppealOutcome.Form> {

  record Form(String appealOutcome, LocalDate ruledOn, String summary) {}

  private final ReliefClaims claims;

  RecordAppealOutcome(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.recordAppealOutcome(businessKey, form.appealOutcome(), form.ruledOn(), form.summary());
  }
}
