package jp.lg.immunization.relief;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The day the 予防接種健康被害調査委員会 meets on the claim. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "ScheduleCommitteeMeeting")
class ScheduleCommitteeMeeting implements StepHandler<ScheduleCommitteeMeeting.Form> {

  record Form(LocalDate meetingOn, String note) {}

  private final ReliefClaims claims;

  ScheduleCommitteeMeeting(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.scheduleCommittee(businessKey, form.meetingOn(), form.note());
  }
}
