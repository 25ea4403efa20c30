package jp.lg.immunization.infonetwork.provision;

import java.util.Set;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/**
 * The status of a provision request while people work on it (the steps declare it); how it was answered is set by
 * the step that sends the answer.
 */
@Component
class ProvisionStatus implements CaseType<ProvisionRequest.Status> {

  private final ProvisionRequests requests;

  ProvisionStatus(ProvisionRequests requests) {
    this.requests = requests;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ProvisionRequests.PROCESS_KEY);
  }

  @Override
  public Class<ProvisionRequest.Status> statusType() {
    return ProvisionRequest.Status.class;
  }

  @Override
  public void enter(String businessKey, ProvisionRequest.Status status) {
    requests.byBusinessKey(businessKey).status(status);
  }
}
