package jp.lg.immunization.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Once the requester is confirmed: the snapshot of the data the request concerns ({@link DisclosurePackages}). */
@Component("collectRequestedData")
class CollectRequestedData implements JavaDelegate {

  private final DisclosurePackages packages;

  CollectRequestedData(DisclosurePackages packages) {
    this.packages = packages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    packages.collect(Long.parseLong(execution.getProcessBusinessKey()));
  }
}
