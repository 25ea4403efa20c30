package jp.lg.immunization.vaccination;

import java.util.HashSet;
import java.util.Set;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseActors;
import jp.lg.immunization.workflow.StepHolders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Row corrections and exclusions belong to the holder of the batch's review step, and everyone who made one has worked
 * on the batch: the four-eyes rule keeps them from approving it (issue 15, R04 batch).
 */
@Component
class DoseBatchChangers implements CaseActors {

  static final String REVIEW_STEP = "ReviewBatchErrors";

  private final JdbcTemplate jdbc;
  private final StepHolders holders;
  private final CurrentUser currentUser;

  DoseBatchChangers(JdbcTemplate jdbc, StepHolders holders, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.holders = holders;
    this.currentUser = currentUser;
  }

  @Override
  public String processKey() {
    return DoseBatches.PROCESS_KEY;
  }

  /** Before a change to a row: refused unless the user holds the review step; then remembered as a changer. */
  void changing(long batchId) {
    holders.require(DoseBatches.PROCESS_KEY, String.valueOf(batchId), REVIEW_STEP, "エラー行の確認");
    jdbc.update("insert into dose_batch_changer (batch_id, username) values (?, ?) on conflict do nothing", batchId,
        currentUser.get().username());
  }

  @Override
  public Set<String> of(String businessKey) {
    return new HashSet<>(jdbc.queryForList("select username from dose_batch_changer where batch_id = ?", String.class,
        Long.parseLong(businessKey)));
  }
}
