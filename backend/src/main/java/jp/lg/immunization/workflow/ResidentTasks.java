package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.List;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The open steps of every process that concerns a resident, for the resident's case page. */
@Service
public class ResidentTasks {

  /** The process variable that names the resident a process concerns: an id, never personal data. */
  public static final String RESIDENT_ID = TaskReadModel.RESIDENT_ID;

  public record OpenTask(String id, String name, String processName, String caseLabel, String assigneeName,
                         Instant created, Instant due) {}

  private final JdbcTemplate jdbc;
  private final UserDirectory users;

  ResidentTasks(JdbcTemplate jdbc, UserDirectory users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  /**
   * The residents with an open task or any case still running in the engine (one waiting for a national system, a
   * timer or a message has no open task): processes about a resident carry its id in {@link #RESIDENT_ID}, which the
   * engine keeps in its runtime table only while the process runs.
   */
  public List<Long> residentsWithOpenCases() {
    return jdbc.queryForList("""
        select resident_id from task_view where status = 'OPEN' and resident_id is not null
        union
        select long_ from act_ru_variable where name_ = ? and long_ is not null""", Long.class, RESIDENT_ID);
  }

  public List<OpenTask> openFor(long residentId) {
    return jdbc.query("""
        select id, name, process_name, case_id, assignee, created_at, due_at from task_view
        where status = 'OPEN' and resident_id = ? order by created_at, id""",
        (rs, n) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(3) + " #" + rs.getString(4), users.displayName(rs.getString(5)),
            rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
        residentId);
  }
}
