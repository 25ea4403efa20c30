package jp.lg.immunization.workflow;

/**
 * The workflow's published reporting relations: the steps of every process (from the task read model) and the
 * process instances (from the engine's history), for set-based reports such as the KPIs that aggregate a million
 * rows in one query. Each is a parenthesised select to put into a {@code from} clause; the columns named here are
 * the contract, so the tables behind them may change as long as these keep their names and meaning. The selects are
 * plain projections, which PostgreSQL inlines into the caller's query, so indexes on the tables still serve it.
 * Rows hold ids, keys, names of steps and timestamps, never residents' data.
 */
public final class ProcessFacts {

  private static final String STEPS = """
      (select id, process_key, process_name, task_key, name as task_name, status, candidate_groups, assignee,
              created_at, claimed_at, ended_at, due_at,
              coalesce(submission ->> 'decision', submission ->> 'approval') as decision
       from task_view)""";

  private static final String OPEN_STEP_DAYS = """
      (select process_key, process_name, task_key, task_name, candidate_groups, assignee, created_day,
              sum(steps) as steps
       from open_step_count group by 1, 2, 3, 4, 5, 6, 7 having sum(steps) <> 0)""";

  private static final String INSTANCES = """
      (select proc_def_key_ as process_key, start_time_ as started_at, end_time_ as ended_at,
              duration_ as duration_ms, state_ as state
       from act_hi_procinst)""";

  private ProcessFacts() {}

  /**
   * One row per user task, open or ended: {@code id}, {@code process_key}, {@code process_name}, {@code task_key},
   * {@code task_name}, {@code status} ({@code OPEN}, {@code COMPLETED} or {@code DELETED}), {@code candidate_groups}
   * (varchar[]), {@code assignee} (username, null while unclaimed), {@code created_at}, {@code claimed_at},
   * {@code ended_at}, {@code due_at} (timestamptz; the due date, null when the step has none) and
   * {@code decision} (the {@code decision} or {@code approval} field its form submitted, if any).
   */
  public static String steps() {
    return STEPS;
  }

  /**
   * Open steps counted per step, holder and day of creation, kept as the steps change (so reading it costs a few rows
   * per step and day, not one per open step): {@code process_key}, {@code process_name}, {@code task_key},
   * {@code task_name}, {@code candidate_groups}, {@code assignee} (null while unclaimed), {@code created_day} (date, in
   * Japan) and {@code steps} (how many such steps are open, above 0).
   */
  public static String openStepDays() {
    return OPEN_STEP_DAYS;
  }

  /**
   * One row per process instance, running or ended: {@code process_key}, {@code started_at}, {@code ended_at} (null
   * while running), {@code duration_ms} and {@code state} ({@code ACTIVE}, {@code COMPLETED}, ...). The timestamps are
   * the engine's: {@code timestamp} without zone, in the JVM's default time zone.
   */
  public static String instances() {
    return INSTANCES;
  }
}
