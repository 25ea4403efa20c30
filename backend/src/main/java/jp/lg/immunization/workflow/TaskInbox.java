package jp.lg.immunization.workflow;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the task list from task_view with keyset paging: a page costs the same however deep it is. */
@Component
class TaskInbox {

  enum View { MINE, GROUP }

  record Page(List<TaskSummary> items, String nextCursor) {}

  record Counts(long mine, long group) {}

  private static final String COLUMNS = """
      select id, name, task_key, process_key, process_name, process_instance_id, process_definition_id, case_id,
             assignee, candidate_groups, candidate_users, status, created_at, due_at from task_view""";
  private static final String MINE = " where status = 'OPEN' and assignee = ?";
  private static final String GROUP =
      " where status = 'OPEN' and assignee is null and (candidate_groups && ?::varchar[] or ? = any(candidate_users))";

  private final JdbcTemplate jdbc;
  private final UserDirectory users;

  TaskInbox(JdbcTemplate jdbc, UserDirectory users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  Page page(SignedInUser user, View view, String cursor, int size) {
    return page(view == View.MINE ? MINE : GROUP, filterArgs(user, view), cursor, size);
  }

  /** Open steps of the given kinds that the user may take: theirs, or unclaimed in their groups. */
  Page steps(SignedInUser user, Collection<String> taskKeys, String cursor, int size) {
    return page(" where status = 'OPEN' and task_key = any(?::varchar[])"
            + " and (assignee = ? or (assignee is null and candidate_groups && ?::varchar[]))",
        List.of(taskKeys.toArray(String[]::new), user.username(), user.candidateGroups().toArray(String[]::new)),
        cursor, size);
  }

  private Page page(String where, List<Object> filterArgs, String cursor, int size) {
    List<Object> args = new ArrayList<>(filterArgs);
    StringBuilder sql = new StringBuilder(COLUMNS).append(where);
    if (cursor != null && !cursor.isBlank()) {
      Cursor after = Cursor.decode(cursor);
      sql.append(" and (created_at, id) > (?, ?)");
      args.add(Timestamp.from(after.created()));
      args.add(after.id());
    }
    sql.append(" order by created_at, id limit ?");
    args.add(size + 1);
    List<TaskSummary> rows = jdbc.query(sql.toString(), mapper(), args.toArray());
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      TaskSummary last = rows.get(size - 1);
      next = new Cursor(last.created(), last.id()).encode();
    }
    return new Page(rows, next);
  }

  Counts counts(SignedInUser user) {
    long mine = jdbc.queryForObject("select count(*) from task_view" + MINE, Long.class,
        filterArgs(user, View.MINE).toArray());
    long group = jdbc.queryForObject("select count(*) from task_view" + GROUP, Long.class,
        filterArgs(user, View.GROUP).toArray());
    return new Counts(mine, group);
  }

  Optional<TaskSummary> find(String taskId) {
    return jdbc.query(COLUMNS + " where id = ?", mapper(), taskId).stream().findFirst();
  }

  record CompletedStep(String taskKey, String name, String completedBy, Instant endedAt, String submission) {}

  List<CompletedStep> completedSteps(String processInstanceId) {
    return jdbc.query("""
        select task_key, name, completed_by, ended_at, submission::text from task_view
        where process_instance_id = ? and status = 'COMPLETED' order by ended_at, id""",
        (rs, n) -> new CompletedStep(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5)), processInstanceId);
  }

  void recordSubmission(String taskId, String submissionJson) {
    jdbc.update("update task_view set submission = ?::jsonb where id = ?", submissionJson, taskId);
  }

  private static List<Object> filterArgs(SignedInUser user, View view) {
    return view == View.MINE
        ? List.of(user.username())
        : List.of(user.candidateGroups().toArray(String[]::new), user.username());
  }

  private RowMapper<TaskSummary> mapper() {
    return (rs, n) -> {
      String processName = rs.getString("process_name");
      String caseId = rs.getString("case_id");
      String assignee = rs.getString("assignee");
      Timestamp due = rs.getTimestamp("due_at");
      return new TaskSummary(rs.getString("id"), rs.getString("name"), rs.getString("task_key"),
          rs.getString("process_key"), processName, rs.getString("process_instance_id"),
          rs.getString("process_definition_id"), caseId, caseId == null ? processName : processName + " #" + caseId,
          assignee, users.displayName(assignee), strings(rs, "candidate_groups"), strings(rs, "candidate_users"),
          rs.getString("status"), rs.getTimestamp("created_at").toInstant(), due == null ? null : due.toInstant());
    };
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private record Cursor(Instant created, String id) {
    String encode() {
      String raw = created.getEpochSecond() + ":" + created.getNano() + ":" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
        return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
      } catch (RuntimeException e) {
        throw ApiException.badRequest("bad_cursor", "ページ位置が正しくありません。一覧を開き直してください");
      }
    }
  }
}
