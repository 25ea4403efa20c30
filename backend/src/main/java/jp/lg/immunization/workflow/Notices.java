package jp.lg.immunization.workflow;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.lg.immunization.platform.AfterCommit;
import jp.lg.immunization.security.SignedInUser;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What a user should look at: steps given to them and cases sent back to them (stored notices), and new work and
 * approvals in their groups since they last looked (counted from the task list, so a new step costs no row per
 * colleague). Pushed to the open browsers of this node as server-sent events after the change commits; a notice
 * holds a kind, a step name and a link, never a resident's data.
 */
@Service
class Notices {

  enum Kind { NEW_WORK, ASSIGNED, APPROVAL, SENT_BACK }

  record Notice(long id, Kind kind, String message, String taskId, Instant created, boolean read) {}

  /** {@code unread}: stored notices not read plus new work and approvals since the user last looked. */
  record Summary(long unread, long newWork, long newApprovals, List<Notice> notices) {}

  private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;
  /** New work is counted from the last look, but from no further back than this (a first login, a long leave). */
  private static final Duration NEW_WORK_HORIZON = Duration.ofDays(7);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Approvals approvals;
  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

  private record Listener(SseEmitter emitter, Set<String> groups) {}

  Notices(JdbcTemplate jdbc, Clock clock, Approvals approvals) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.approvals = approvals;
  }

  Summary summary(SignedInUser user) {
    Instant horizon = Instant.now(clock).minus(NEW_WORK_HORIZON);
    Instant seen = lastSeen(user.username()).filter(horizon::isBefore).orElse(horizon);
    List<Notice> notices = jdbc.query("""
        select id, kind, message, task_id, created_at, read_at is not null from task_notice
        where username = ? order by id desc limit 30""",
        (rs, n) -> new Notice(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getBoolean(6)), user.username());
    long unreadStored = jdbc.queryForObject("select count(*) from task_notice where username = ? and read_at is null",
        Long.class, user.username());
    String[] approvalSteps = approvals.approvalSteps().toArray(String[]::new);
    Map<String, Object> fresh = jdbc.queryForMap("""
        select count(*) filter (where not task_key = any(?::varchar[])) as work,
               count(*) filter (where task_key = any(?::varchar[])) as approvals
        from task_view where status = 'OPEN' and assignee is null and created_at > ?
          and (candidate_groups && ?::varchar[] or ? = any(candidate_users))""",
        approvalSteps, approvalSteps, Timestamp.from(seen), user.candidateGroups().toArray(String[]::new),
        user.username());
    long work = ((Number) fresh.get("work")).longValue();
    long approvals = ((Number) fresh.get("approvals")).longValue();
    return new Summary(unreadStored + work + approvals, work, approvals, notices);
  }

  /** The user has looked: every notice read, and new work counted from now. */
  @Transactional
  void markRead(SignedInUser user) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.update("update task_notice set read_at = ? where username = ? and read_at is null", now, user.username());
    jdbc.update("""
        insert into task_notice_seen (username, seen_at) values (?, ?)
        on conflict (username) do update set seen_at = excluded.seen_at""", user.username(), now);
    push(user.username());
  }

  SseEmitter stream(SignedInUser user) {
    return register(user, new SseEmitter(STREAM_TIMEOUT_MS));
  }

  SseEmitter register(SignedInUser user, SseEmitter emitter) {
    Listener listener = new Listener(emitter, user.candidateGroups());
    List<Listener> mine = listeners.computeIfAbsent(user.username(), key -> new CopyOnWriteArrayList<>());
    mine.add(listener);
    Runnable remove = () -> mine.remove(listener);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(error -> remove.run());
    send(listener, "ready");
    return emitter;
  }

  /**
   * Open streams end as the app begins to stop. A graceful shutdown waits for the requests in flight, and a stream
   * is one until it times out, so every stop with a browser open waited out its whole grace period before it went
   * on. Browsers connect again: to another node behind the load balancer, or to this one once it is back.
   */
  @EventListener(ContextClosedEvent.class)
  void endStreams() {
    listeners.values().forEach(mine -> mine.forEach(listener -> {
      try {
        listener.emitter().complete();
      } catch (RuntimeException closedAlready) {
        forget(listener);
      }
    }));
  }

  /** A stored notice for one user, pushed once the transaction that made it commits. */
  void notify(String username, Kind kind, String message, String taskId) {
    jdbc.update("insert into task_notice (username, kind, message, task_id, created_at) values (?, ?, ?, ?, ?)",
        username, kind.name(), message, taskId, Timestamp.from(Instant.now(clock)));
    AfterCommit.run(() -> push(username));
  }

  /** A new unclaimed step: every open browser of its groups refreshes its count. */
  private void newWork(Set<String> groups, Set<String> candidateUsers) {
    AfterCommit.run(() -> listeners.forEach((username, mine) -> mine.forEach(listener -> {
      if (candidateUsers.contains(username) || listener.groups().stream().anyMatch(groups::contains)) {
        send(listener, "notice");
      }
    })));
  }

  /** In the engine's transaction, as the step is created: a step done before by someone is back with them. */
  @EventListener
  void created(TaskReadModel.TaskCreated event) {
    if (event.previousHolder() != null) {
      notify(event.previousHolder(), Kind.SENT_BACK, "案件が差し戻されました。「" + event.taskName() + "」をご確認ください",
          event.taskId());
    }
    if (event.assignee() == null) {
      newWork(event.groups(), event.users());
    } else {
      AfterCommit.run(() -> push(event.assignee()));
    }
  }

  @EventListener
  void assigned(TaskAssignments.TaskAssigned event) {
    notify(event.assignee(), Kind.ASSIGNED, "タスク「" + event.taskName() + "」が割り当てられました", event.taskId());
  }

  private void push(String username) {
    listeners.getOrDefault(username, List.of()).forEach(listener -> send(listener, "notice"));
  }

  /**
   * The event says only that something changed; the browser then asks for its summary. A stream whose browser has
   * gone is forgotten. It is not completed with the error: once the container has seen the error, completing fails
   * too, and a push runs after the commit of someone's request, which must not answer 500 for a committed change.
   */
  private void send(Listener listener, String name) {
    try {
      listener.emitter().send(SseEmitter.event().name(name).data("{}"));
    } catch (IOException | RuntimeException gone) {
      forget(listener);
    }
  }

  private void forget(Listener listener) {
    listeners.values().forEach(mine -> mine.remove(listener));
  }

  private Optional<Instant> lastSeen(String username) {
    return jdbc.queryForList("select seen_at from task_notice_seen where username = ?", Timestamp.class, username)
        .stream().findFirst().map(Timestamp::toInstant);
  }
}
