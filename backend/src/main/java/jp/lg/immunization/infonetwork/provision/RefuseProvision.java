package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Answers a request that is not permitted, or that staff withheld, with a refusal and no content. */
@Component("refuseProvision")
class RefuseProvision implements JavaDelegate {

  private final ProvisionRequests requests;
  private final ProvisionAnswers answers;

  RefuseProvision(ProvisionRequests requests, ProvisionAnswers answers) {
    this.requests = requests;
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    answers.send(requests.byBusinessKey(execution.getProcessBusinessKey()), IntermediateServerPort.ProvisionKind.REFUSED,
        null, ProvisionRequest.Status.REFUSED);
  }
}
