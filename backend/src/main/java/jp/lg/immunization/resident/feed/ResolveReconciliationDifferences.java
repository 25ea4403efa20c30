package jp.lg.immunization.resident.feed;

import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Closes a reconciliation once every difference is applied or explained, with staff's summary. */
@Step(process = ResidentFeeds.RECONCILIATION_KEY, task = "ResolveReconciliationDifferences")
class ResolveReconciliationDifferences implements StepHandler<ResolveReconciliationDifferences.Form> {

  record Form(String note) {}

  private final Reconciliations reconciliations;
  private final ResidentFeeds feeds;
  private final CurrentUser currentUser;

  ResolveReconciliationDifferences(Reconciliations reconciliations, ResidentFeeds feeds, CurrentUser currentUser) {
    this.reconciliations = reconciliations;
    this.feeds = feeds;
    this.currentUser = currentUser;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reconciliations.requireAllResolved(Long.parseLong(businessKey));
    feeds.review(Long.parseLong(businessKey), form.note(), currentUser.get().username());
  }
}
