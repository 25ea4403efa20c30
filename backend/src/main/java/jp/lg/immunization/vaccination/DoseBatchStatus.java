package jp.lg.immunization.vaccination;

import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/**
 * Where a batch stands. A batch starts VALIDATING when it is uploaded; from then on the steps of the process
 * DoseBatchRegistration declare the status they enter ({@code caseStatus}).
 */
/** The labels staff see are in case-statuses.properties. */
enum DoseBatchStatus implements CaseStatus {
  VALIDATING, REVIEW, AWAITING_APPROVAL, REGISTERED, DISCARDED;

  private static final Set<DoseBatchStatus> ENDED = EnumSet.of(REGISTERED, DISCARDED);

  @Override
  public boolean ended() {
    return ENDED.contains(this);
  }
}
