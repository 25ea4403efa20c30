package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps task_view in step with the engine, inside the engine's own transaction: the inbox, the
 * four-eyes guard and the KPIs read it instead of Camunda's task query.
 */
@Component
class TaskReadModel implements TaskListener {

  static final String RESIDENT_ID = "residentId";

  /** A step was created; {@code previousHolder} completed the same step of the case before (it was sent back). */
  record TaskCreated(String taskId, String taskName, Set<String> groups, Set<String> users, String assignee,
                     String previousHolder) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectProvider<StepTargets> targets;
  private final ApplicationEventPublisher events;
  /** The accepted form values of the step this thread is completing, written with the completion in one update. */
  private final ThreadLocal<Submission> completing = new ThreadLocal<>();

  /** {@code claimed}: the step is claimed in the same engine command, its holder written with the completion. */
  private record Submission(String taskId, String json, boolean claimed) {}

  /** The targets come from another module that needs the engine built first: looked up when the first step starts. */
  TaskReadModel(JdbcTemplate jdbc, Clock clock, ObjectProvider<StepTargets> targets, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.targets = targets;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      // claimed_at: when the step was last claimed, cleared on release (KPI waiting and working times).
      case EVENTNAME_ASSIGNMENT -> {
        if (completing(task.getId()).filter(Submission::claimed).isEmpty()) {
          jdbc.update("update task_view set assignee = ?, claimed_at = ? where id = ?",
              task.getAssignee(), task.getAssignee() == null ? null : Timestamp.from(Instant.now(clock)), task.getId());
        }
      }
      case EVENTNAME_COMPLETE -> completed(task);
      case EVENTNAME_DELETE -> jdbc.update("update task_view set status = 'DELETED', ended_at = ? where id = ?",
          Timestamp.from(Instant.now(clock)), task.getId());
      default -> { }
    }
  }

  /**
   * Runs {@code completion}, the engine's completion of the step, so that the read model records the step completed
   * together with what was submitted (JSON) in one update rather than two.
   */
  void completeWithSubmission(String taskId, String submissionJson, boolean claimed, Runnable completion) {
    completing.set(new Submission(taskId, submissionJson, claimed));
    try {
      completion.run();
    } finally {
      completing.remove();
    }
  }

  private Optional<Submission> completing(String taskId) {
    return Optional.ofNullable(completing.get()).filter(submission -> submission.taskId().equals(taskId));
  }

  /** Claimed in the same command, the step gets its holder and claim time here (its assignment wrote nothing). */
  private void completed(DelegateTask task) {
    Optional<Submission> submission = completing(task.getId());
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.update("""
        update task_view set status = 'COMPLETED', completed_by = ?, ended_at = ?, submission = ?::jsonb,
                             assignee = ?, claimed_at = coalesce(?, claimed_at)
        where id = ?""", task.getAssignee(), now, submission.map(Submission::json).orElse(null), task.getAssignee(),
        submission.filter(Submission::claimed).map(claimed -> now).orElse(null), task.getId());
  }

  private void created(DelegateTask task) {
    Process process = processOf(task.getBpmnModelElementInstance());
    String[] groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().sorted().toArray(String[]::new);
    String[] users = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).distinct().sorted().toArray(String[]::new);
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key,
                               name, case_id, resident_id, assignee, candidate_groups, candidate_users, status,
                               created_at, due_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
        on conflict (id) do nothing""",
        task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), process.getId(),
        process.getName() == null ? process.getId() : process.getName(), task.getTaskDefinitionKey(),
        task.getName(), task.getExecution().getProcessBusinessKey(), residentOf(task), task.getAssignee(), groups, users,
        Timestamp.from(task.getCreateTime().toInstant()), dueOf(task, process.getId()).map(Timestamp::from).orElse(null));
    String previousHolder = jdbc.query("""
        select completed_by from task_view where process_instance_id = ? and task_key = ? and status = 'COMPLETED'
        order by ended_at desc, id limit 1""", (rs, n) -> rs.getString(1), task.getProcessInstanceId(),
        task.getTaskDefinitionKey()).stream().findFirst().orElse(null);
    events.publishEvent(new TaskCreated(task.getId(), task.getName(), Set.of(groups), Set.of(users), task.getAssignee(),
        previousHolder));
  }

  /**
   * The earliest of the step's SLA target, the case's legal deadline ({@value CaseStarter#LEGAL_DEADLINE}) and a due
   * date its BPMN element sets.
   */
  private Optional<Instant> dueOf(DelegateTask task, String processKey) {
    return dueOf(task.getDueDate(), task.getVariable(CaseStarter.LEGAL_DEADLINE), processKey,
        task.getTaskDefinitionKey(), task.getCreateTime().toInstant());
  }

  Optional<Instant> dueOf(Date stepDue, Object legalDeadline, String processKey, String taskKey, Instant created) {
    List<Instant> candidates = new ArrayList<>();
    if (stepDue != null) {
      candidates.add(stepDue.toInstant());
    }
    if (legalDeadline instanceof Date deadline) {
      candidates.add(deadline.toInstant());
    }
    StepTargets available = targets.getIfAvailable();
    if (available != null) {
      available.dueBy(processKey, taskKey, created).ifPresent(candidates::add);
    }
    return candidates.stream().min(Comparator.naturalOrder());
  }

  /** A step's due date, computed again by {@link #dueOf} after its case's legal deadline moved. */
  void redate(String taskId, Date stepDue, Object legalDeadline) {
    jdbc.query("select process_key, task_key, created_at from task_view where id = ? and status = 'OPEN'",
        (java.sql.ResultSet rs) -> {
          Optional<Instant> due = dueOf(stepDue, legalDeadline, rs.getString("process_key"), rs.getString("task_key"),
              rs.getTimestamp("created_at").toInstant());
          jdbc.update("update task_view set due_at = ? where id = ?", due.map(Timestamp::from).orElse(null), taskId);
        }, taskId);
  }

  /** Processes that concern one resident carry the id (never more) in the variable {@value #RESIDENT_ID}. */
  private static Long residentOf(DelegateTask task) {
    return task.getVariable(RESIDENT_ID) instanceof Number id ? id.longValue() : null;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (!(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }
}
