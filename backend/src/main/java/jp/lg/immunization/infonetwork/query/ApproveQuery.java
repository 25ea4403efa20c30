package jp.lg.immunization.infonetwork.query;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who did not request it approves the query, which only then may be sent (R14), or rejects it. */
@Step(process = InformationQueries.PROCESS_KEY, task = "ApproveQuery")
class ApproveQuery implements StepHandler<ApproveQuery.Form> {

  record Form(String decision) {}

  private final InformationQueries queries;

  ApproveQuery(InformationQueries queries) {
    this.queries = queries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("APPROVE".equals(form.decision())) {
      queries.approve(businessKey);
    }
  }
}
