package jp.lg.immunization.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.OfficeCalendar;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the task list from task_view with keyset paging in every order it offers: a page costs the same however deep
 * it is. Names each case's resident by kana name, masked for a user who is not a candidate of the step, and writes a
 * search hit to the audit trail for every resident a search by resident shows.
 */
@Component
class TaskInbox {

  /** A page of the list; the first page of the inbox as it opens also carries the tabs' counts. */
  record Page(List<TaskSummary> items, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Counts counts) {
    Page(List<TaskSummary> items, String nextCursor) {
      this(items, nextCursor, null);
    }

    Page withCounts(Counts counts) {
      return new Page(items, nextCursor, counts);
    }
  }

  record Counts(long mine, long group, long overdue, long dueSoon) {}

  /** Residents a search by resident may match at most: beyond that the user is asked for a longer search text. */
  static final int RESIDENT_MATCH_LIMIT = 500;
  static final int COMPLETED_DAYS = 90;
  /** Sorts open steps without a due date after every dated one. */
  private static final String DUE_KEY = "coalesce(due_at, timestamptz '9999-12-31 00:00:00+00')";
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private static final String COMPLETED = "COMPLETED";
  private static final String COLUMNS = """
      select id, name, task_key, process_key, process_name, process_instance_id, process_definition_id, case_id,
             resident_id, assignee, candidate_groups, candidate_users, status, created_at, due_at, ended_at
      from task_view""";

  private final JdbcTemplate jdbc;
  private final UserDirectory users;
  private final CaseResidents residents;
  private final AuditTrail audit;
  private final OfficeCalendar calendar;
  private final Clock clock;
  private final Absences absences;

  TaskInbox(JdbcTemplate jdbc, UserDirectory users, CaseResidents residents, AuditTrail audit,
            OfficeCalendar calendar, Clock clock, Absences absences) {
    this.absences = absences;
    this.jdbc = jdbc;
    this.users = users;
    this.residents = residents;
    this.audit = audit;
    this.calendar = calendar;
    this.clock = clock;
  }

  Page page(SignedInUser user, InboxQuery query, String cursor, int size) {
    Where where = where(user, query);
    if (where == null) {
      return new Page(List.of(), null);
    }
    RowPage page = rows(where, query.view() == InboxQuery.View.COMPLETED ? Order.ENDED : Order.of(query.sort()),
        query.descending(), cursor, size);
    if (query.resident() != null) {
      audit.recordEach(AuditOperation.RESIDENT_SEARCH_HIT,
          page.rows().stream().map(Row::residentId).filter(Objects::nonNull).distinct().toList(), "criteria=task-list");
    }
    return new Page(named(page.rows(), user), page.next());
  }

  /**
   * Open steps of the given kinds that the user may take: theirs, or unclaimed in their groups, oldest first. Each kind
   * is paged on its own from task_view_open_step, which covers the conditions (V86), and only the page's ids are
   * merged and read: with all kinds in one condition, PostgreSQL walked the open steps in creation order and filtered
   * out every older step of other kinds (100,000 at city scale, 4,400 pages read before the first of 5,000 approvals).
   * The kinds are written into the statement, not bound: bound, they let PostgreSQL's generic plan (chosen after five
   * executions) assume every kind as common as the average, and where one kind has all the open steps it walked them
   * in creation order for each of the 14 empty kinds (43,800 buffers, 10 ms a page). Written in, each kind's own
   * statistics choose its plan. The keys are element ids of the deployed models, checked to be plain names.
   */
  Page steps(SignedInUser user, Collection<String> taskKeys, String cursor, int size) {
    if (taskKeys.isEmpty()) {
      return new Page(List.of(), null);
    }
    List<Object> after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, Order.CREATED);
    String[] groups = user.candidateGroups().toArray(String[]::new);
    String byAge = " order by created_at, id limit ?";
    List<Object> args = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (String taskKey : taskKeys.stream().sorted().toList()) {
      StringBuilder kind = new StringBuilder("select id, created_at from task_view where status = 'OPEN'"
          + " and task_key = '" + plainName(taskKey) + "'"
          + " and (assignee = ? or (assignee is null and candidate_groups && ?::varchar[]))");
      args.addAll(List.of(user.username(), groups));
      keyset(kind, args, Order.CREATED, false, after);
      kinds.add(kind.append(byAge).toString());
      args.add(size + 1);
    }
    args.add(size + 1);
    String sql = COLUMNS + " where id in (select id from ((" + String.join(") union all (", kinds) + ")) kinds"
        + byAge + ") order by created_at, id";
    RowPage page = paged(jdbc.query(sql, mapper(Instant.now(clock)), args.toArray()), Order.CREATED, size);
    return new Page(named(page.rows(), user), page.next());
  }

  /**
   * A step's key as it may be written into SQL: a BPMN element id (letters, digits, _ . -), with nothing that could end
   * a SQL string.
   */
  private static String plainName(String taskKey) {
    if (!PLAIN_NAME.matcher(taskKey).matches()) {
      throw new IllegalArgumentException("Not a plain step key: " + taskKey);
    }
    return taskKey;
  }

  /**
   * The tabs' counts from the counts kept as task_view changes (V90): a few rows per group instead of every open step.
   * Overdue and due soon move with the clock, so the kept counts are by due day and the current day, the only one the
   * clock splits, is counted exactly from the steps due today.
   */
  Counts counts(SignedInUser user) {
    Instant now = Instant.now(clock);
    LocalDate today = now.atZone(JAPAN).toLocalDate();
    LocalDate soonDay = dueSoonLimit(now).atZone(JAPAN).toLocalDate();
    String[] groups = user.candidateGroups().toArray(String[]::new);
    Where all = view(user, InboxQuery.View.ALL);
    return jdbc.queryForObject("""
        with kept as (
          select coalesce(sum(steps) filter (where assignee = ?), 0) as mine,
                 coalesce(sum(steps) filter (where assignee is null), 0) as unclaimed,
                 coalesce(sum(steps) filter (where due_day < ?), 0) as overdue,
                 coalesce(sum(steps) filter (where due_day > ? and due_day < ?), 0) as due_soon
          from task_count
          where assignee = ? or candidate_groups && ?::varchar[] or candidate_users @> array[?]::varchar[]),
        due_today as (
          select count(*) filter (where due_at < ?) as overdue, count(*) filter (where due_at >= ?) as due_soon
          from task_view""" + all.sql() + " and " + DUE_KEY + " >= ? and " + DUE_KEY + """
         < ?)
        select kept.mine, kept.unclaimed, kept.overdue + due_today.overdue, kept.due_soon + due_today.due_soon
        from kept, due_today""",
        (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
        concat(concat(List.of(user.username(), today, today, soonDay, user.username(), groups, user.username(),
            Timestamp.from(now), Timestamp.from(now)), all.args()),
            List.of(startOf(today), startOf(today.plusDays(1)))).toArray());
  }

  Optional<TaskSummary> find(String taskId) {
    return jdbc.query(COLUMNS + " where id = ?", mapper(Instant.now(clock)), taskId).stream()
        .map(Row::task).findFirst();
  }

  /** The step, its row locked until the transaction ends (a concurrent claim or completion waits, then sees it). */
  Optional<TaskSummary> findForUpdate(String taskId) {
    return jdbc.query(COLUMNS + " where id = ? for update", mapper(Instant.now(clock)), taskId).stream()
        .map(Row::task).findFirst();
  }

  /** The step as the user's list shows it: the resident named (or masked) and the holder's absence. */
  Optional<TaskSummary> find(String taskId, SignedInUser user) {
    return jdbc.query(COLUMNS + " where id = ?", mapper(Instant.now(clock)), taskId).stream().findFirst()
        .map(row -> named(List.of(row), user).get(0));
  }

  record CompletedStep(String taskKey, String name, String completedBy, Instant endedAt, String submission) {}

  /**
   * The completed steps of each of these process instances, oldest first, in one query (instances without any absent):
   * what the four-eyes rule, the case view and the case diagram know of a case's steps. It reads all their steps (a
   * handful per case) by task_view_instance and picks the completed ones in Java: with {@code status = 'COMPLETED'} in
   * the query, every partial index on completed steps qualifies, and with statistics taken while few steps were
   * completed (a new installation, a campaign's worth of steps started at once) the planner judged them empty and
   * scanned one whole, 4,565 buffers and 3-10 ms at 4,300 completed steps, growing with each (issue 19).
   */
  Map<String, List<CompletedStep>> completedSteps(Collection<String> processInstanceIds) {
    Map<String, List<CompletedStep>> completed = new HashMap<>();
    jdbc.query("""
        select process_instance_id, task_key, name, completed_by, ended_at, submission::text, status from task_view
        where process_instance_id = any(?) order by ended_at, id""",
        rs -> {
          if (COMPLETED.equals(rs.getString(7))) {
            completed.computeIfAbsent(rs.getString(1), instance -> new ArrayList<>()).add(new CompletedStep(
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
          }
        }, (Object) processInstanceIds.toArray(String[]::new));
    return completed;
  }

  /** The end of the next business day: a step due before then is due soon. */
  Instant dueSoonLimit(Instant now) {
    LocalDate day = now.atZone(JAPAN).toLocalDate().plusDays(1);
    while (!calendar.isBusinessDay(day)) {
      day = day.plusDays(1);
    }
    return day.plusDays(1).atStartOfDay(JAPAN).toInstant();
  }

  private record Where(String sql, List<Object> args) {}

  /** The SQL of a query, or null when a search by resident matches nobody (so nothing can match). */
  private Where where(SignedInUser user, InboxQuery query) {
    Where view = view(user, query.view());
    StringBuilder sql = new StringBuilder(view.sql());
    List<Object> args = new ArrayList<>(view.args());
    Instant now = Instant.now(clock);
    condition(sql, args, "process_key = ?", query.processKey());
    condition(sql, args, "task_key = ?", query.taskKey());
    condition(sql, args, "? = any(candidate_groups)", query.group());
    condition(sql, args, "assignee = ?", query.claimedBy());
    condition(sql, args, "created_at >= ?", startOf(query.createdFrom()));
    condition(sql, args, "created_at < ?", startOf(query.createdTo() == null ? null : query.createdTo().plusDays(1)));
    condition(sql, args, "due_at >= ?", startOf(query.dueFrom()));
    condition(sql, args, "due_at < ?", startOf(query.dueTo() == null ? null : query.dueTo().plusDays(1)));
    if (query.due() == InboxQuery.Due.OVERDUE) {
      condition(sql, args, "due_at < ?", Timestamp.from(now));
    } else if (query.due() == InboxQuery.Due.SOON) {
      condition(sql, args, "due_at >= ?", Timestamp.from(now));
      condition(sql, args, "due_at < ?", Timestamp.from(dueSoonLimit(now)));
    }
    if (query.resident() != null) {
      List<Long> matched = residents.find(query.resident(), RESIDENT_MATCH_LIMIT + 1);
      if (matched.size() > RESIDENT_MATCH_LIMIT) {
        throw ApiException.invalid("該当する住民が多すぎます",
            Map.of("resident", "該当する住民が多すぎます。宛名番号か、氏名をもう少し詳しく入力してください"));
      }
      if (matched.isEmpty()) {
        return null;
      }
      condition(sql, args, "resident_id = any(?::bigint[])", matched.toArray(Long[]::new));
    }
    return new Where(sql.toString(), args);
  }

  private Where view(SignedInUser user, InboxQuery.View view) {
    String[] groups = user.candidateGroups().toArray(String[]::new);
    return switch (view) {
      case MINE -> new Where(" where status = 'OPEN' and assignee = ?", List.of(user.username()));
      case GROUP -> new Where(" where status = 'OPEN' and assignee is null"
          + " and (candidate_groups && ?::varchar[] or candidate_users @> array[?]::varchar[])",
          List.of(groups, user.username()));
      case ALL -> new Where(" where status = 'OPEN'"
          + " and (assignee = ? or candidate_groups && ?::varchar[] or candidate_users @> array[?]::varchar[])",
          List.of(user.username(), groups, user.username()));
      case COMPLETED -> new Where(" where status = 'COMPLETED' and completed_by = ? and ended_at >= ?",
          List.of(user.username(), Timestamp.from(Instant.now(clock).minus(COMPLETED_DAYS, ChronoUnit.DAYS))));
    };
  }

  private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      args.add(value);
    }
  }

  private static Timestamp startOf(LocalDate day) {
    return day == null ? null : Timestamp.from(day.atStartOfDay(JAPAN).toInstant());
  }

  /** The orders the list offers, each a keyset: its key columns, ending with the id that makes every key unique. */
  private enum Order {
    CREATED("created_at"),
    DUE(DUE_KEY),
    PROCESS("process_name", "created_at"),
    ENDED("ended_at");

    private final List<String> keys;

    Order(String... keys) {
      this.keys = List.of(keys);
    }

    static Order of(InboxQuery.Sort sort) {
      return switch (sort) {
        case CREATED -> CREATED;
        case DUE -> DUE;
        case PROCESS -> PROCESS;
      };
    }

    List<Object> keyOf(Row row) {
      TaskSummary task = row.task();
      return switch (this) {
        case CREATED -> List.of(task.created());
        case DUE -> List.of(task.due() == null ? Instant.parse("9999-12-31T00:00:00Z") : task.due());
        case PROCESS -> List.of(task.processName(), task.created());
        case ENDED -> List.of(row.ended());
      };
    }
  }

  private record RowPage(List<Row> rows, String next) {}

  private RowPage rows(Where where, Order order, boolean descending, String cursor, int size) {
    List<Object> args = new ArrayList<>(where.args());
    StringBuilder sql = new StringBuilder(COLUMNS).append(where.sql());
    keyset(sql, args, order, descending, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, order));
    String direction = descending ? " desc" : "";
    sql.append(" order by ").append(String.join(direction + ", ", order.keys)).append(direction)
        .append(", id").append(direction).append(" limit ?");
    args.add(size + 1);
    return paged(jdbc.query(sql.toString(), mapper(Instant.now(clock)), args.toArray()), order, size);
  }

  /** Only the rows after the cursor's key values (none: from the first row). */
  private static void keyset(StringBuilder sql, List<Object> args, Order order, boolean descending, List<Object> after) {
    if (after != null) {
      sql.append(" and (").append(String.join(", ", order.keys)).append(", id").append(descending ? ") < (" : ") > (")
          .append(String.join(", ", Collections.nCopies(after.size(), "?"))).append(")");
      after.forEach(value -> args.add(value instanceof Instant instant ? Timestamp.from(instant) : value));
    }
  }

  /** A page of {@code size} from rows read one beyond it, with the cursor of the next page if there is one. */
  private static RowPage paged(List<Row> rows, Order order, int size) {
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      Row last = rows.get(size - 1);
      List<Object> key = new ArrayList<>(order.keyOf(last));
      key.add(last.task().id());
      next = Cursor.encode(order, key);
    }
    return new RowPage(rows, next);
  }

  private List<TaskSummary> named(List<Row> rows, SignedInUser user) {
    Map<Long, String> names = residents.kanaNames(rows.stream().map(Row::residentId).filter(Objects::nonNull)
        .distinct().toList());
    Map<String, Absences.Absence> away = absences.awayToday(rows.stream().map(row -> row.task().assignee())
        .filter(Objects::nonNull).distinct().toList());
    return rows.stream().map(row -> {
      String name = row.residentId() == null ? null : names.get(row.residentId());
      TaskSummary task = row.task();
      return task.named(name == null ? null : mayName(user, task) ? name : masked(name),
          task.assignee() == null ? null : away.get(task.assignee()));
    }).toList();
  }

  /** Staff see the names of residents whose cases they may work on; anyone else sees the first letters only. */
  private static boolean mayName(SignedInUser user, TaskSummary task) {
    return user.roles().stream().anyMatch(role -> role.isCaseWork())
        && (user.username().equals(task.assignee()) || task.candidateUsers().contains(user.username())
            || !Collections.disjoint(task.candidateGroups(), user.candidateGroups()));
  }

  static String masked(String kanaName) {
    return Arrays.stream(kanaName.split(" ")).map(part -> part.isEmpty() ? part : part.charAt(0) + "＊＊")
        .reduce((a, b) -> a + " " + b).orElse("");
  }

  private record Row(TaskSummary task, Long residentId, Instant ended) {}

  private RowMapper<Row> mapper(Instant now) {
    Instant soon = dueSoonLimit(now);
    return (rs, n) -> {
      String processName = rs.getString("process_name");
      String caseId = rs.getString("case_id");
      String assignee = rs.getString("assignee");
      Instant due = instant(rs, "due_at");
      String status = rs.getString("status");
      String dueState = due == null || !"OPEN".equals(status) ? null
          : due.isBefore(now) ? "OVERDUE" : due.isBefore(soon) ? "DUE_SOON" : null;
      long residentId = rs.getLong("resident_id");
      TaskSummary task = new TaskSummary(rs.getString("id"), rs.getString("name"), rs.getString("task_key"),
          rs.getString("process_key"), processName, rs.getString("process_instance_id"),
          rs.getString("process_definition_id"), caseId, caseId == null ? processName : processName + " #" + caseId,
          null, assignee, users.displayName(assignee), strings(rs, "candidate_groups"), strings(rs, "candidate_users"),
          status, rs.getTimestamp("created_at").toInstant(), due, dueState, null);
      return new Row(task, rs.wasNull() ? null : residentId, instant(rs, "ended_at"));
    };
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static List<Object> concat(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** A page position: the order it belongs to and the last row's key values, opaque to the client. */
  private static final class Cursor {

    private static final String SEPARATOR = "\u001f";

    static String encode(Order order, List<Object> key) {
      StringBuilder raw = new StringBuilder(order.name());
      for (Object value : key) {
        raw.append(SEPARATOR).append(value instanceof Instant instant
            ? "t" + instant.getEpochSecond() + ":" + instant.getNano() : "s" + value);
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decode(String cursor, Order order) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        if (!parts[0].equals(order.name()) || parts.length != order.keys.size() + 2) {
          throw new IllegalArgumentException("cursor of another order");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          String part = parts[i];
          boolean text = i == parts.length - 1 || order == Order.PROCESS && i == 1;
          if (!text && part.startsWith("t")) {
            String[] time = part.substring(1).split(":", 2);
            values.add(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])));
          } else if (text && part.startsWith("s")) {
            values.add(part.substring(1));
          } else {
            throw new IllegalArgumentException("unknown key");
          }
        }
        return values;
      } catch (RuntimeException e) {
        throw ApiException.badRequest("bad_cursor", "ページ位置が正しくありません。一覧を開き直してください");
      }
    }
  }
}
