package jp.lg.immunization.disclosure;

import jp.lg.immunization.workflow.Step;

/** A supervisor notes what is done about a request past its deadline. */
@Step(process = ResidentRequests.PROCESS_KEY, task = "FollowUpOverdueRequest")
class FollowUpOverdueRequest extends RequestFollowUp {

  FollowUpOverdueRequest(ResidentRequests requests) {
    super(requests, "期限を過ぎた請求の確認");
  }
}
