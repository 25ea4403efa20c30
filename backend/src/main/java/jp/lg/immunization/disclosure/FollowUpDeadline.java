package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;

/** Staff note what they did about a request whose deadline is near. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "FollowUpDeadline")
class FollowUpDeadline extends RequestFollowUp {

  FollowUpDeadline(ResidentRequests requests) {
    super(requests, "期限が近い請求の確認");
  }
}
