package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/**
 * The status of a provision request while people work on it (the steps declare it); how it was answered is set by
 * the step that sends the answer.
 */
@Component
@CaseProcesses(ProvisionRequests.PROCESS_KEY)
class ProvisionStatus implements CaseType<ProvisionRequest.Status> {

  private final ProvisionRequests requests;

  ProvisionStatus(ProvisionRequests requests) {
    this.requests = requests;
  }

  @Override
  public void enter(String businessKey, ProvisionRequest.Status status) {
    requests.byBusinessKey(businessKey).status(status);
  }
}
