package jp.lg.immunization.relief;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record the day they asked the claimant for the missing documents. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "RequestMissingDocuments")
class RequestMissingDocuments implements StepHandler<RequestMissingDocuments.Form> {

  record Form(LocalDate requestedOn, String note) {}

  private final ReliefClaims claims;

  RequestMissingDocuments(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.requestDocuments(businessKey, form.requestedOn(), form.note());
  }
}
