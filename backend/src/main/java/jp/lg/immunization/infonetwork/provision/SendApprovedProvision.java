package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends what staff prepared, and only once a supervisor has approved it (R17, R18). */
@Component("sendApprovedProvision")
class SendApprovedProvision implements JavaDelegate {

  private final ProvisionRequests requests;
  private final ProvisionAnswers answers;

  SendApprovedProvision(ProvisionRequests requests, ProvisionAnswers answers) {
    this.requests = requests;
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProvisionRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    if (request.approvedBy() == null) {
      throw new IllegalStateException("A manual provision needs a supervisor's approval before it is sent (R18)");
    }
    answers.send(request, IntermediateServerPort.ProvisionKind.PROVIDED, request.manualContent(),
        ProvisionRequest.Status.PROVIDED_MANUALLY);
  }
}
