package jp.lg.immunization.outsideprovision;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * A second staff member, who neither recorded nor corrected the provision, confirms its content and recipient before
 * it is sent (R13), sends it back for correction, or decides it is not provided.
 */
@Step(process = OutsideProvisions.PROCESS_KEY, task = "ConfirmOutsideProvision")
class ConfirmOutsideProvision implements StepHandler<ConfirmOutsideProvision.Form> {

  record Form(OutsideProvisions.Approval approval, boolean contentChecked, boolean recipientChecked, String reason) {}

  private final OutsideProvisions provisions;

  ConfirmOutsideProvision(OutsideProvisions provisions) {
    this.provisions = provisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    provisions.confirm(businessKey, form.approval(), form.contentChecked(), form.recipientChecked(), form.reason());
  }
}
