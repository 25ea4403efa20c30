package jp.lg.immunization.outsideprovision;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff correct a provision that was sent back and submit it again, or withdraw it with the reason. */
@Step(process = OutsideProvisions.PROCESS_KEY, task = ReviseOutsideProvision.TASK)
class ReviseOutsideProvision implements StepHandler<ReviseOutsideProvision.Form> {

  static final String TASK = "ReviseOutsideProvision";

  enum Revision { RESUBMIT, WITHDRAW }

  record Form(Revision revision, String withdrawalReason, OutsideProvision.RecipientKind recipientKind,
              String recipientName, String recipientContact, OutsideProvision.Method method, String content,
              String purpose, String legalBasis) {}

  private final OutsideProvisions provisions;

  ReviseOutsideProvision(OutsideProvisions provisions) {
    this.provisions = provisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.revision() == Revision.WITHDRAW) {
      provisions.withdraw(businessKey, form.withdrawalReason());
    } else {
      provisions.revise(businessKey, new OutsideProvisions.Details(form.recipientKind(), form.recipientName(),
          form.recipientContact(), form.method(), form.content(), form.purpose(), form.legalBasis()));
    }
  }
}
