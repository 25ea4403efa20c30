package jp.lg.immunization.infonetwork.fukuhon;

import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The status of a 副本 case, registration or correction, as the process reaches each step (the steps declare it). */
@Component
@CaseProcesses({FukuhonProcesses.REGISTRATION, FukuhonProcesses.CORRECTION})
class FukuhonStatus implements CaseType<FukuhonCase.Status> {

  private final FukuhonCases cases;

  FukuhonStatus(FukuhonCases cases) {
    this.cases = cases;
  }

  @Override
  public void enter(String businessKey, FukuhonCase.Status status) {
    cases.byBusinessKey(businessKey).status(status);
  }
}
