package jp.lg.immunization.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * One kind of data with a retention period (R27), implemented by the module that owns it. Deletes what is past its
 * period as of {@code today}, except anything about a resident under legal hold (table legal_hold) or with an open
 * task (task_view), and says what it deleted.
 */
public interface RetentionRule {

  /** How many rows went, and the ids that name them (the records' own, or e.g. the batch they belonged to). */
  record Deleted(int rows, List<Long> ids) {}

  /** A stable name, e.g. {@code PROVISION_RECORD}. */
  String kind();

  Deleted deleteExpired(LocalDate today);

  /** The SQL condition that keeps a resident's data: under legal hold, or with an open task. */
  static String keeps(String residentIdColumn) {
    return "(exists (select 1 from legal_hold h where h.resident_id = " + residentIdColumn + " and h.lifted_at is null)"
        + " or exists (select 1 from task_view t where t.resident_id = " + residentIdColumn + " and t.status = 'OPEN'))";
  }
}
