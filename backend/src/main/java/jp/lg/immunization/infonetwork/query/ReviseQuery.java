package jp.lg.immunization.infonetwork.query;

import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The requester revises a rejected query and submits it again (still within the permit list, R15), or withdraws it. */
@Step(process = InformationQueries.PROCESS_KEY, task = ReviseQuery.TASK)
class ReviseQuery implements StepHandler<ReviseQuery.Form> {

  /** The form opens with the query's current content (see {@link InformationQueries#formData}). */
  static final String TASK = "ReviseQuery";

  record Form(String decision, InformationItem informationItem, LegalBasis legalBasis, String purpose) {}

  private final InformationQueries queries;

  ReviseQuery(InformationQueries queries) {
    this.queries = queries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("RESUBMIT".equals(form.decision())) {
      queries.revise(businessKey, form.informationItem(), form.legalBasis(), form.purpose());
    }
  }
}
