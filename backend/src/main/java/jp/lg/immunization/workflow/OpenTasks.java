package jp.lg.immunization.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The step each case of a process is waiting on, for a module's own list or page of its cases that links to it. One
 * query for a whole page of cases.
 */
@Service
public class OpenTasks {

  /** @param assignee the username of whoever claimed the step, null while nobody has */
  public record OpenTask(String id, String name, String assignee) {}

  private final JdbcTemplate jdbc;

  OpenTasks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The open step of each of the cases (by business key) that has one; the earliest if a case has several. */
  public Map<String, OpenTask> byCase(String processKey, Collection<String> businessKeys) {
    Map<String, OpenTask> open = new HashMap<>();
    if (businessKeys.isEmpty()) {
      return open;
    }
    jdbc.query("""
        select distinct on (case_id) case_id, id, name, assignee from task_view
        where process_key = ? and status = 'OPEN' and case_id = any(?)
        order by case_id, created_at, id""",
        rs -> {
          open.put(rs.getString(1), new OpenTask(rs.getString(2), rs.getString(3), rs.getString(4)));
        }, processKey, businessKeys.toArray(String[]::new));
    return open;
  }
}
