package jp.lg.immunization.relief;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Forwards the claim with the committee's opinion to the prefecture and the Ministry (R33). The request id counts the
 * forwardings, so a job that runs again after a failure sends the same request, and a re-examination a new one.
 */
@Component("forwardReliefClaim")
class ForwardReliefClaim implements JavaDelegate {

  private final ReliefClaims claims;
  private final ReliefMinistryPort ministry;

  ForwardReliefClaim(ReliefClaims claims, ReliefMinistryPort ministry) {
    this.claims = claims;
    this.ministry = ministry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReliefClaim claim = claims.byBusinessKey(execution.getProcessBusinessKey());
    if (claim.committeeOpinion() == null) {
      throw new IllegalStateException("Relief claim " + claim.id() + " has no committee opinion to forward");
    }
    String requestId = "RLF-" + claim.id() + "-" + (forwardCount(claim) + 1);
    ministry.forward(new ReliefMinistryPort.ForwardedClaim(requestId, claim.id(), claim.vaccinationClass(),
        claim.committeeOpinion(), claims.benefitsOf(claim.id()).stream().map(Enum::name).toList()));
    claims.recordForwarded(claim.id(), requestId);
  }

  private int forwardCount(ReliefClaim claim) {
    String last = claim.ministryRequestId();
    return last == null ? 0 : Integer.parseInt(last.substring(last.lastIndexOf('-') + 1));
  }
}
