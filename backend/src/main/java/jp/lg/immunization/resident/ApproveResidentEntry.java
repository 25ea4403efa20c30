package jp.lg.immunization.resident;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The supervisor's decision on a 職権記載, recorded with who decided and why a rejection was made. */
@Step(process = ResidentEntries.PROCESS_KEY, task = "ApproveResidentEntry")
class ApproveResidentEntry implements StepHandler<ApproveResidentEntry.Form> {

  record Form(String decision, String reason) {}

  private final ResidentEntries entries;

  ApproveResidentEntry(ResidentEntries entries) {
    this.entries = entries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    entries.decide(businessKey, form.decision(), form.reason());
  }
}
