package jp.lg.immunization.relief;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A claim past its B-class deadline is flagged for a supervisor, never refused by the machine. */
@Component("checkReliefClaimDeadline")
class CheckReliefClaimDeadline implements JavaDelegate {

  static final String LATE = "claimLate";

  private final ReliefClaims claims;

  CheckReliefClaimDeadline(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReliefClaim claim = claims.byBusinessKey(execution.getProcessBusinessKey());
    List<String> passed = claims.deadlinesPassed(claim);
    if (!passed.isEmpty() && !claim.late()) {
      claims.markLate(claim.id(), passed);
    }
    execution.setVariable(LATE, !passed.isEmpty());
  }
}
