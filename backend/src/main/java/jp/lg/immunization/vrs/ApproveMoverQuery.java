package jp.lg.immunization.vrs;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A supervisor who neither recorded nor corrected the query checks the consent, the identity check and the former
 * municipality's code, and approves the sending of the 個人番号 to VRS or rejects it with the reason.
 */
@Step(process = MoverQueries.PROCESS_KEY, task = "ApproveVrsMoverQuery")
class ApproveMoverQuery implements StepHandler<ApproveMoverQuery.Form> {

  record Form(MoverQueries.Approval approval, String reason) {}

  private final MoverQueries queries;

  ApproveMoverQuery(MoverQueries queries) {
    this.queries = queries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    queries.decide(businessKey, form.approval(), form.reason());
  }
}
