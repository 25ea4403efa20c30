package jp.lg.immunization.resident.feed;

import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** Where a feed file stands, as the steps of ResidentFeedImport declare it. Labels in case-statuses.properties. */
enum FeedStatus implements CaseStatus {
  CHECKING, REVIEW, APPLIED, REFUSED;

  private static final Set<FeedStatus> ENDED = EnumSet.of(APPLIED, REFUSED);

  @Override
  public boolean ended() {
    return ENDED.contains(this);
  }
}
