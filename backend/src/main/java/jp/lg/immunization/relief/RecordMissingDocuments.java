package jp.lg.immunization.relief;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record the documents that arrived (on paper; uploads go through the case page). */
@Step(process = ReliefClaims.PROCESS_KEY, task = "RecordMissingDocuments")
class RecordMissingDocuments implements StepHandler<RecordMissingDocuments.Form> {

  record Form(List<String> documentsReceived, LocalDate receivedOn) {}

  private final ReliefClaims claims;

  RecordMissingDocuments(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.recordDocuments(businessKey, form.documentsReceived(), form.receivedOn());
  }
}
