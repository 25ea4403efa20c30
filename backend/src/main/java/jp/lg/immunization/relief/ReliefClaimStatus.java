package jp.lg.immunization.relief;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Moves the claim's business status as the process reaches each step, and puts the step on the timeline (R33). */
@Component("reliefClaimStatus")
class ReliefClaimStatus implements ExecutionListener {

  private static final Map<String, ReliefClaim.Status> STATUS_AT = Map.ofEntries(
      Map.entry("ClaimReceived", ReliefClaim.Status.RECEIVED),
      Map.entry("ReviewLateClaim", ReliefClaim.Status.LATE_REVIEW),
      Map.entry("RequestMissingDocuments", ReliefClaim.Status.DOCUMENTS_MISSING),
      Map.entry("RecordMissingDocuments", ReliefClaim.Status.DOCUMENTS_MISSING),
      Map.entry("ScheduleCommitteeMeeting", ReliefClaim.Status.COMMITTEE),
      Map.entry("RecordCommitteeOpinion", ReliefClaim.Status.COMMITTEE),
      Map.entry("AwaitMinistryDecision", ReliefClaim.Status.AWAITING_MINISTRY),
      Map.entry("DecideMunicipalPayment", ReliefClaim.Status.DECIDING),
      Map.entry("ApproveMunicipalDecision", ReliefClaim.Status.AWAITING_APPROVAL),
      Map.entry("AppealFiled", ReliefClaim.Status.APPEALED),
      Map.entry("RecordAppealOutcome", ReliefClaim.Status.APPEALED),
      Map.entry("ClaimRefusedAsLate", ReliefClaim.Status.REFUSED_LATE),
      Map.entry("OneOffPaymentsRecorded", ReliefClaim.Status.PAID),
      Map.entry("EntitlementEnded", ReliefClaim.Status.ENTITLEMENT_ENDED),
      Map.entry("AppealDismissed", ReliefClaim.Status.CLOSED),
      Map.entry("DecisionFinal", ReliefClaim.Status.CLOSED));

  private final ReliefClaims claims;
  private final ReliefEvents events;

  ReliefClaimStatus(ReliefClaims claims, ReliefEvents events) {
    this.claims = claims;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String step = execution.getCurrentActivityId();
    ReliefClaim.Status status = STATUS_AT.get(step);
    if (status == null) {
      throw new IllegalStateException("No relief claim status for step " + step);
    }
    claims.status(execution.getProcessBusinessKey(), status);
    if (!"ClaimReceived".equals(step)) {
      String name = execution.getCurrentActivityName();
      events.record(Long.parseLong(execution.getProcessBusinessKey()), "STEP",
          (execution.getBpmnModelElementInstance() instanceof org.camunda.bpm.model.bpmn.instance.EndEvent
              ? "終了: " : "手順: ") + name, ReliefEvents.SYSTEM);
    }
  }
}
