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

  /**
   * How many rows went, and what names them: {@code ids} for records with a number (the records' own, or e.g. the
   * batch they belonged to), {@code keys} for records named by text (the engine's instance ids). {@code more}: the rule
   * stopped at its chunk (a night may find millions past their period) and more may be due; the run calls it again,
   * in a new transaction, until a call says none is left.
   */
  record Deleted(int rows, List<Long> ids, List<String> keys, boolean more) {

    public Deleted {
      ids = List.copyOf(ids);
      keys = List.copyOf(keys);
    }

    public Deleted(int rows, List<Long> ids) {
      this(rows, ids, List.of(), false);
    }

    /** One row per id, the ids in order. */
    public static Deleted of(List<Long> ids) {
      return new Deleted(ids.size(), ids.stream().sorted().toList());
    }

    /** One chunk of records named by text, one row per key; {@code full}: the chunk was full, so more may be due. */
    public static Deleted chunkOf(List<String> keys, boolean full) {
      return new Deleted(keys.size(), List.of(), keys.stream().sorted().toList(), full);
    }
  }

  /**
   * The residents whose data no rule deletes in this run: under legal hold, with an open task, or with any case still
   * running in the engine (one waiting for a national system, a timer or a message has no open task). Each owner
   * module answers for its part; a rule passes them to its SQL as one array parameter. {@code anyHeld}: whether any
   * resident is under legal hold, for a rule whose records may be about a resident it cannot name.
   */
  record KeptResidents(Long[] ids, boolean anyHeld) {

    /** Without telling holds apart: any kept resident may be held. */
    public KeptResidents(Long[] ids) {
      this(ids, ids.length > 0);
    }
  }

  /** The start of the first day (in Japan) still within {@code keep} of {@code today}: what is older is past it. */
  static Timestamp cutoff(LocalDate today, Period keep) {
    return Timestamp.from(today.minus(keep).atStartOfDay(TimeConfiguration.JAPAN).toInstant());
  }

  /** A stable name, e.g. {@code PROVISION_RECORD}. */
  String kind();

  Deleted deleteExpired(LocalDate today, KeptResidents kept);
}
