package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record the day the decision notice went to the requester, and how. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "RecordNoticeSent")
class RecordNoticeSent implements StepHandler<RecordNoticeSent.Form> {

  record Form(LocalDate noticeSentOn, String delivery) {}

  private final ResidentRequests requests;

  RecordNoticeSent(ResidentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void complete(String businessKey, Form form) {
    requests.recordNoticeSent(businessKey, form.noticeSentOn(), form.delivery());
  }
}
