package jp.lg.immunization.infonetwork.fukuhon;

import java.util.Set;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The status of a 副本 case, registration or correction, as the process reaches each step (the steps declare it). */
@Component
class FukuhonStatus implements CaseType<FukuhonCase.Status> {

  private final FukuhonCases cases;

  FukuhonStatus(FukuhonCases cases) {
    this.cases = cases;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(FukuhonProcesses.REGISTRATION, FukuhonProcesses.CORRECTION);
  }

  @Override
  public Class<FukuhonCase.Status> statusType() {
    return FukuhonCase.Status.class;
  }

  @Override
  public void enter(String businessKey, FukuhonCase.Status status) {
    cases.byBusinessKey(businessKey).status(status);
  }
}
