package jp.lg.immunization.relief;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor who neither proposed the revision nor worked on the claim approves or rejects it. */
@Step(process = ReliefEntitlementRevisions.PROCESS_KEY, task = "ApproveEntitlementRevision")
class ApproveEntitlementRevision implements StepHandler<ApproveEntitlementRevision.Form> {

  record Form(String approval, String reason) {}

  private final ReliefEntitlementRevisions revisions;

  ApproveEntitlementRevision(ReliefEntitlementRevisions revisions) {
    this.revisions = revisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    revisions.decide(businessKey, form.approval(), form.reason());
  }
}
