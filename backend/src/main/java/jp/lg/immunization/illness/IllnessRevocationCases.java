package jp.lg.immunization.illness;

import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;

/**
 * The revocation of a 長期療養特例 as the task list sees it: a case on the special case itself (its business key is the
 * special case's number), started with the reason, and shown to the supervisor as the special case.
 */
@Component
class IllnessRevocationCases implements CaseStarter<IllnessRevocationCases.Proposal>, CaseContextProvider {

  /** The start form: which special case, and why it should be revoked. */
  record Proposal(Long exceptionId, String reason) {}

  private final IllnessExceptions exceptions;
  private final IllnessExceptionCases cases;

  IllnessRevocationCases(IllnessExceptions exceptions, IllnessExceptionCases cases) {
    this.exceptions = exceptions;
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return IllnessExceptions.REVOCATION_PROCESS_KEY;
  }

  @Override
  public StartedCase start(Proposal proposal) {
    IllnessException exception = exceptions.proposeRevocation(proposal.exceptionId(), proposal.reason());
    return StartedCase.of(exception.id(), exception.residentId());
  }

  /** The special case itself, which shows the proposed revocation's reason and who proposed it. */
  @Override
  public CaseContext describe(String businessKey) {
    return cases.describe(businessKey);
  }
}
