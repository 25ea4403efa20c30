package jp.lg.immunization.infonetwork;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The automatic steps of 情報提供, each a small idempotent method the BPMN calls: routing a request
 * (R16, R17), answering from the 副本, sending what a supervisor approved (R18), or refusing.
 */
@Component("provisionSteps")
public class ProvisionSteps {

  static final String AUTOMATIC_ANSWER_FAILED = "AUTOMATIC_ANSWER_FAILED";

  private final ProvisionRequests requests;
  private final PermitList permitList;
  private final NonDisclosureSettings nonDisclosure;
  private final IntermediateServerPort network;
  private final ProvisionRecords records;
  private final Clock clock;

  ProvisionSteps(ProvisionRequests requests, PermitList permitList, NonDisclosureSettings nonDisclosure,
                 IntermediateServerPort network, ProvisionRecords records, Clock clock) {
    this.requests = requests;
    this.permitList = permitList;
    this.nonDisclosure = nonDisclosure;
    this.network = network;
    this.records = records;
    this.clock = clock;
  }

  /** REFUSE, REVIEW or AUTO. A person under 不開示設定 is never answered automatically (R16). */
  public String route(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    PermitList.Verdict verdict = permitList.provision(request.informationItem(), request.legalBasis());
    if (!verdict.permitted() || request.residentId() == null) {
      return "REFUSE";
    }
    if (nonDisclosure.applies(request.residentId())) {
      request.needsReview(ProvisionRequest.ReviewReason.NON_DISCLOSURE);
      return "REVIEW";
    }
    if (!verdict.autoResponse()) {
      request.needsReview(ProvisionRequest.ReviewReason.NO_AUTO_RESPONSE);
      return "REVIEW";
    }
    return "AUTO";
  }

  /** Answers from the 副本; without one (or with 不開示設定 set meanwhile) a person takes over (R18). */
  public void answerAutomatically(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    String content = nonDisclosure.applies(request.residentId()) ? null : requests.fukuhon(request).orElse(null);
    if (content == null) {
      request.needsReview(ProvisionRequest.ReviewReason.AUTOMATIC_ANSWER_FAILED);
      throw new BpmnError(AUTOMATIC_ANSWER_FAILED, "自動応答できません");
    }
    send(request, IntermediateServerPort.ProvisionKind.PROVIDED, content, ProvisionRequest.Status.PROVIDED_AUTOMATICALLY);
  }

  /** Sends what staff prepared, and only once a supervisor has approved it (R17, R18). */
  public void sendApproved(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    if (request.approvedBy() == null) {
      throw new IllegalStateException("A manual provision needs a supervisor's approval before it is sent (R18)");
    }
    send(request, IntermediateServerPort.ProvisionKind.PROVIDED, request.manualContent(),
        ProvisionRequest.Status.PROVIDED_MANUALLY);
  }

  public void refuse(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    send(request, IntermediateServerPort.ProvisionKind.REFUSED, null, ProvisionRequest.Status.REFUSED);
  }

  public void status(DelegateExecution execution, String status) {
    requests.byBusinessKey(execution.getProcessBusinessKey()).status(ProvisionRequest.Status.valueOf(status));
  }

  private void send(ProvisionRequest request, IntermediateServerPort.ProvisionKind kind, String content,
                    ProvisionRequest.Status outcome) {
    if (request.answeredAt() != null) {
      return;
    }
    network.sendProvisionAnswer(new IntermediateServerPort.ProvisionAnswer(request.networkRequestId(), kind, content));
    Instant now = Instant.now(clock);
    request.answered(now);
    request.status(outcome);
    records.provisionAnswered(request, now, outcome.name());
  }
}
