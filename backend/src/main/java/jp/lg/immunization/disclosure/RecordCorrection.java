package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff who made the correction decided on record what they changed, before and after. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "RecordCorrection")
class RecordCorrection implements StepHandler<RecordCorrection.Form> {

  record Form(String item, String beforeText, String afterText) {}

  private final ResidentRequests requests;

  RecordCorrection(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.recordCorrection(businessKey, form.item(), form.beforeText(), form.afterText());
  }
}
