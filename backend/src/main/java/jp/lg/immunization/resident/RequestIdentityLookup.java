package jp.lg.immunization.resident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the case's query to 市町村CS. The request id is the case's, so a job run twice asks once. */
@Component("requestIdentityLookup")
class RequestIdentityLookup implements JavaDelegate {

  private final NonResidentCases cases;
  private final ResidentNetworkPort network;

  RequestIdentityLookup(NonResidentCases cases, ResidentNetworkPort network) {
    this.cases = cases;
    this.network = network;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NonResidentCase found = cases.byBusinessKey(execution.getProcessBusinessKey());
    network.requestIdentityLookup(NonResidentCases.requestIdOf(found.id()), found.query());
  }
}
