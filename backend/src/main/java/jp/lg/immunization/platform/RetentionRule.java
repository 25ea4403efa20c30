package jp.lg.immunization.platform;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One kind of data with a retention period (R27), implemented by the module that owns it. Deletes what is past its
 * period as of {@code today}, except anything about a resident who {@link #keeps keeps} their data, and says what it
 * deleted.
 */
public interface RetentionRule {

  /** How many rows went, and the ids that name them (the records' own, or e.g. the batch they belonged to). */
  record Deleted(int rows, List<Long> ids) {

    /** One row per id, the ids in order. */
    public static Deleted of(List<Long> ids) {
      return new Deleted(ids.size(), ids.stream().sorted().toList());
    }
  }

  /** The start of the first day (in Japan) still within {@code keep} of {@code today}: what is older is past it. */
  static Timestamp cutoff(LocalDate today, Period keep) {
    return Timestamp.from(today.minus(keep).atStartOfDay(TimeConfiguration.JAPAN).toInstant());
  }

  /** A stable name, e.g. {@code PROVISION_RECORD}. */
  String kind();

  Deleted deleteExpired(LocalDate today);

  /**
   * The SQL condition that keeps a resident's data: under legal hold, with an open task, or with any case still
   * running in the engine (one waiting for a national system, a timer or a message has no open task). Processes about
   * a resident carry its id in the variable {@code residentId}, which the engine keeps in its runtime table only while
   * the process runs.
   */
  static String keeps(String residentIdColumn) {
    return "(exists (select 1 from legal_hold h where h.resident_id = " + residentIdColumn + " and h.lifted_at is null)"
        + " or exists (select 1 from task_view t where t.resident_id = " + residentIdColumn + " and t.status = 'OPEN')"
        + " or exists (select 1 from act_ru_variable v where v.name_ = 'residentId' and v.long_ = " + residentIdColumn
        + "))";
  }
}
