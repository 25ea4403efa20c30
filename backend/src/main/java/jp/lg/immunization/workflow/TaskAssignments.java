package jp.lg.immunization.workflow;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor gives a step, claimed or not, to a named colleague of their department who may do it, or releases
 * it, e.g. while its holder is ill. The four-eyes rule holds as for a claim: a colleague the step would refuse is
 * offered with the reason and refused if chosen. Every assignment and refusal is audited with who, from whom, to whom
 * and why.
 */
@Service
class TaskAssignments {

  /** A colleague the step could go to; {@code refusal} says why it cannot, {@code away} their absence today. */
  record Candidate(String username, String displayName, boolean holder, Absences.Absence away, String refusal) {}

  record Assignment(String assignee, String reason) {}

  /** A step given to a user by someone else, for their notices. */
  record TaskAssigned(String taskId, String taskName, String assignee, String by) {}

  private final TaskInbox inbox;
  private final TaskWork work;
  private final TaskService tasks;
  private final UserDirectory users;
  private final Absences absences;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  TaskAssignments(TaskInbox inbox, TaskWork work, TaskService tasks, UserDirectory users, Absences absences,
                  CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events) {
    this.inbox = inbox;
    this.work = work;
    this.tasks = tasks;
    this.users = users;
    this.absences = absences;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
  }

  @Transactional(readOnly = true)
  List<Candidate> candidates(String taskId) {
    SignedInUser supervisor = currentUser.get();
    TaskSummary task = supervisedTask(supervisor, taskId);
    List<UserDirectory.CaseWorker> workers = eligible(supervisor, task);
    Map<String, Absences.Absence> away = absences.awayToday(workers.stream().map(UserDirectory.CaseWorker::username)
        .toList());
    return workers.stream().map(worker -> new Candidate(worker.username(), worker.displayName(),
        worker.username().equals(task.assignee()), away.get(worker.username()),
        work.fourEyesRefusal(task, worker.username()))).toList();
  }

  @Transactional
  TaskSummary assign(String taskId, Assignment assignment) {
    SignedInUser supervisor = currentUser.get();
    TaskSummary task = supervisedTask(supervisor, taskId);
    String reason = assignment.reason() == null ? "" : assignment.reason().trim();
    if (reason.isEmpty() || reason.length() > 200) {
      throw ApiException.invalid("理由を入力してください", Map.of("reason", "割り当ての理由を200文字以内で入力してください"));
    }
    String target = assignment.assignee() == null || assignment.assignee().isBlank() ? null : assignment.assignee();
    if (target != null) {
      UserDirectory.CaseWorker worker = eligible(supervisor, task).stream()
          .filter(candidate -> candidate.username().equals(target)).findFirst()
          .orElseThrow(() -> ApiException.invalid("この職員には割り当てられません",
              Map.of("assignee", "この手順を扱える同じ部署の職員を選んでください")));
      if (target.equals(task.assignee())) {
        throw ApiException.conflict("already_assigned", worker.displayName() + "さんが既に担当しています");
      }
      String refusal = work.fourEyesRefusal(task, target);
      if (refusal != null) {
        audit.recordRefusal(AuditOperation.TASK_REFUSED, null,
            describe(task, target) + " reason=four-eyes");
        throw ApiException.forbidden("four_eyes", worker.displayName() + "さんには割り当てられません。" + refusal);
      }
    } else if (task.assignee() == null) {
      throw ApiException.conflict("not_assigned", "このタスクはまだ誰も担当していません");
    }
    try {
      tasks.setAssignee(taskId, target);
    } catch (OptimisticLockingException e) {
      throw ApiException.conflict("concurrent_edit", "他の職員が同時にこのタスクを更新しました。画面を更新してください");
    }
    audit.record(AuditOperation.TASK_ASSIGN, null, describe(task, target) + " reason=" + reason);
    if (target != null) {
      events.publishEvent(new TaskAssigned(taskId, task.name(), target, supervisor.username()));
    }
    return inbox.find(taskId).orElseThrow();
  }

  private TaskSummary supervisedTask(SignedInUser supervisor, String taskId) {
    TaskSummary task = inbox.find(taskId).filter(found -> "OPEN".equals(found.status()))
        .orElseThrow(() -> ApiException.notFound("タスクが見つかりません（完了済みの可能性があります）"));
    if (!supervisor.has(Role.SUPERVISOR) || Collections.disjoint(task.candidateGroups(), supervisor.candidateGroups())) {
      throw ApiException.forbidden("not_supervisor", "このタスクの割り当てを変えられるのは、その担当グループの上長だけです");
    }
    return task;
  }

  /** Colleagues of the supervisor's department who are candidates of the step by their roles. */
  private List<UserDirectory.CaseWorker> eligible(SignedInUser supervisor, TaskSummary task) {
    return users.caseWorkers(supervisor.departmentCode()).stream()
        .filter(worker -> task.candidateUsers().contains(worker.username())
            || !Collections.disjoint(task.candidateGroups(), worker.candidateGroups()))
        .toList();
  }

  private static String describe(TaskSummary task, String target) {
    return "task=%s process=%s case=%s from=%s to=%s".formatted(task.taskKey(), task.processKey(), task.caseId(),
        task.assignee() == null ? "-" : task.assignee(), target == null ? "-" : target);
  }
}
