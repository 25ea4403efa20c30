package jp.lg.immunization.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the counts kept as task_view changes (V90): every change of an open step appends delta rows, and this
 * folds each table's rows into one row per key, so that readers sum a few rows per group, not one per change since
 * the start.
 *
 * <p>Each table is compacted by one statement that deletes the rows it locks (skipping rows another compaction holds)
 * and inserts their sums: a row is either still there or folded into exactly one sum, so a compaction run twice, on
 * two nodes at once or beside the changes of open steps never counts a step twice or loses it. A reader's snapshot
 * sees the deltas or their sum, never both.
 */
@Component
class TaskCounts {

  private enum Table {
    TASK_COUNT("task_count", "candidate_groups, candidate_users, assignee, due_day"),
    OPEN_STEP_COUNT("open_step_count", "process_key, process_name, task_key, task_name, candidate_groups, assignee,"
        + " created_day");

    final String name;
    final String key;

    Table(String name, String key) {
      this.name = name;
      this.key = key;
    }
  }

  private final JdbcTemplate jdbc;
  /** The last row id each table had after this node compacted it: nothing to do while it is still the last. */
  private final Map<Table, Long> compactedThrough = new ConcurrentHashMap<>();

  TaskCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Compacts every ten seconds. The cluster lock only saves a second node the same work (the statement is safe without
   * it); it is held for at most a minute, since readers sum every row not yet compacted.
   */
  @Scheduled(fixedDelayString = "${immunization.task-counts.compact-interval:PT10S}",
      initialDelayString = "${immunization.task-counts.compact-interval:PT10S}")
  @SchedulerLock(name = "task-counts", lockAtLeastFor = "PT5S", lockAtMostFor = "PT1M")
  void compactOnSchedule() {
    compact();
  }

  void compact() {
    for (Table table : Table.values()) {
      Long last = jdbc.queryForObject("select max(id) from " + table.name, Long.class);
      if (last != null && !last.equals(compactedThrough.get(table))) {
        compact(table);
        Long after = jdbc.queryForObject("select max(id) from " + table.name, Long.class);
        compactedThrough.put(table, after == null ? 0L : after);
      }
    }
  }

  private void compact(Table table) {
    jdbc.update("""
        with moved as (
          delete from %1$s where id in (select id from %1$s for update skip locked) returning %2$s, steps)
        insert into %1$s (%2$s, steps)
        select %2$s, sum(steps) from moved group by %2$s having sum(steps) <> 0""".formatted(table.name, table.key));
  }
}
