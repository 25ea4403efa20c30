package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Answers from the 副本; without one (or with 不開示設定 set meanwhile) the BPMN error hands the request to a person
 * (R18).
 */
@Component("answerProvisionAutomatically")
class AnswerProvisionAutomatically implements JavaDelegate {

  /** The error code the process's boundary event catches. */
  static final String FAILED = "AUTOMATIC_ANSWER_FAILED";

  private final ProvisionRequests requests;
  private final NonDisclosureSettings nonDisclosure;
  private final ProvisionAnswers answers;

  AnswerProvisionAutomatically(ProvisionRequests requests, NonDisclosureSettings nonDisclosure,
                               ProvisionAnswers answers) {
    this.requests = requests;
    this.nonDisclosure = nonDisclosure;
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    String content = nonDisclosure.applies(request.residentId()) ? null : requests.fukuhon(request).orElse(null);
    if (content == null) {
      request.needsReview(ProvisionRequest.ReviewReason.AUTOMATIC_ANSWER_FAILED);
      throw new BpmnError(FAILED, "自動応答できません");
    }
    answers.send(request, IntermediateServerPort.ProvisionKind.PROVIDED, content,
        ProvisionRequest.Status.PROVIDED_AUTOMATICALLY);
  }
}
