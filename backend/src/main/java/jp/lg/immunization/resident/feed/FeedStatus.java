package jp.lg.immunization.resident.feed;

import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/**
 * Where a feed file stands, as the steps of ResidentFeedImport (a file to apply) and ResidentReconciliation (a full
 * extract to compare) declare it. Labels in case-statuses.properties.
 */
enum FeedStatus implements CaseStatus {
  CHECKING, REVIEW, APPLIED, REFUSED, COMPARING, RESOLVING, RECONCILED;

  private static final Set<FeedStatus> ENDED = EnumSet.of(APPLIED, REFUSED, RECONCILED);

  @Override
  public boolean ended() {
    return ENDED.contains(this);
  }
}
