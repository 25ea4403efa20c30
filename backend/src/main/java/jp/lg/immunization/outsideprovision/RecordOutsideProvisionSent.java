package jp.lg.immunization.outsideprovision;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record that the confirmed provision was sent: the day and the note of the sending (registered mail, ...). */
@Step(process = OutsideProvisions.PROCESS_KEY, task = "RecordOutsideProvisionSent")
class RecordOutsideProvisionSent implements StepHandler<RecordOutsideProvisionSent.Form> {

  record Form(LocalDate sentOn, String sendNote) {}

  private final OutsideProvisions provisions;

  RecordOutsideProvisionSent(OutsideProvisions provisions) {
    this.provisions = provisions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    provisions.markSent(businessKey, form.sentOn(), form.sendNote());
  }
}
