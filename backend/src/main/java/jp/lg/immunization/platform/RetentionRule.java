package jp.lg.immunization.platform;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One kind of data with a retention period (R27), implemented by the module that owns it (most through
 * {@link ExpiringRecords}). Deletes what is past its period as of {@code today}, except anything about a resident
 * the run {@link KeptResidents keeps}, and says what it deleted.
 */
public interface RetentionRule {

  /** How many rows went, and the ids that name them (the records' own, or e.g. the batch they belonged to). */
  record Deleted(int rows, List<Long> ids) {

    /** One row per id, the ids in order. */
    public static Deleted of(List<Long> ids) {
      return new Deleted(ids.size(), ids.stream().sorted().toList());
    }
  }

  /**
   * The residents whose data no rule deletes in this run: under legal hold, with an open task, or with any case still
   * running in the engine (one waiting for a national system, a timer or a message has no open task). Each owner
   * module answers for its part; a rule passes them to its SQL as one array parameter.
   */
  record KeptResidents(Long[] ids) {}

  /** The start of the first day (in Japan) still within {@code keep} of {@code today}: what is older is past it. */
  static Timestamp cutoff(LocalDate today, Period keep) {
    return Timestamp.from(today.minus(keep).atStartOfDay(TimeConfiguration.JAPAN).toInstant());
  }

  /** A stable name, e.g. {@code PROVISION_RECORD}. */
  String kind();

  Deleted deleteExpired(LocalDate today, KeptResidents kept);
}
