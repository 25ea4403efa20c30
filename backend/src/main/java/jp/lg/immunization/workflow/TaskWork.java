package jp.lg.immunization.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claiming, releasing and completing tasks. Every rule is checked here on the server, whatever the
 * UI shows: the user must be a candidate, must hold the task to complete it, must not check their own
 * work (four-eyes), and may submit only the fields the task's form declares.
 */
@Service
class TaskWork {

  record TaskDetails(TaskSummary task, JsonNode form, Map<String, Object> data, CaseContext context,
                     boolean canComplete, String refusal) {}

  private final TaskInbox inbox;
  private final TaskService tasks;
  private final ProcessModels models;
  private final FormRegistry forms;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Map<String, CaseContextProvider> contexts;
  private final ProcessSteps steps;
  private final FourEyes fourEyes;
  private final TaskLocks locks;
  private final TaskReadModel readModel;
  private final ProcessEngineConfigurationImpl engine;

  TaskWork(TaskInbox inbox, TaskService tasks, FourEyes fourEyes, ProcessModels models, FormRegistry forms,
           CurrentUser currentUser, UserDirectory users, AuditTrail audit, ObjectMapper json,
           List<CaseContextProvider> contextProviders, ProcessSteps steps, TaskLocks locks, TaskReadModel readModel,
           ProcessEngineConfigurationImpl engine) {
    this.inbox = inbox;
    this.tasks = tasks;
    this.engine = engine;
    this.models = models;
    this.forms = forms;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.json = json;
    this.fourEyes = fourEyes;
    this.contexts = contextProviders.stream()
        .collect(Collectors.toMap(CaseContextProvider::processKey, Function.identity()));
    this.steps = steps;
    this.locks = locks;
    this.readModel = readModel;
  }

  @Transactional
  TaskDetails details(String taskId) {
    SignedInUser user = currentUser.get();
    TaskSummary task = openTaskFor(user, taskId);
    return details(List.of(inbox.find(taskId, user).orElse(task))).get(0);
  }

  /**
   * For tasks already read from the task list, e.g. a page of the approval queue, in list order. The cases are read
   * per process in one go, and their completed steps (the history shown and the four-eyes rule's actors) and
   * starters in a query each, so that a page costs a few queries rather than a few per item; each case viewed is
   * audited all the same.
   */
  @Transactional
  List<TaskDetails> details(List<TaskSummary> listed) {
    SignedInUser user = currentUser.get();
    listed.forEach(task -> requireCandidate(user, task));
    Map<String, List<TaskInbox.CompletedStep>> completed = inbox.completedSteps(
        listed.stream().map(TaskSummary::processInstanceId).distinct().toList());
    Map<String, String> refusals = fourEyes.refusals(listed,
        task -> models.step(task.processDefinitionId(), task.taskKey()).fourEyes(), user.username(), completed);
    Map<String, Map<String, CaseContext>> described = new HashMap<>();
    listed.stream().filter(task -> contexts.containsKey(task.processKey()))
        .collect(Collectors.groupingBy(TaskSummary::processKey, LinkedHashMap::new,
            Collectors.mapping(TaskSummary::caseId, Collectors.toList())))
        .forEach((processKey, caseIds) -> described.put(processKey,
            contexts.get(processKey).describeAll(caseIds.stream().distinct().toList())));
    return listed.stream().map(task -> details(task, user, refusals.get(task.id()),
        described.getOrDefault(task.processKey(), Map.of()).get(task.caseId()),
        completed.getOrDefault(task.processInstanceId(), List.of()))).toList();
  }

  private TaskDetails details(TaskSummary task, SignedInUser user, String refusal, CaseContext described,
                              List<TaskInbox.CompletedStep> completed) {
    CaseContextProvider provider = contexts.get(task.processKey());
    CaseContext caseContext = described == null ? new CaseContext(task.caseLabel(), List.of()) : described;
    List<CaseContext.Section> sections = new ArrayList<>(caseContext.sections());
    history(task, completed).ifPresent(sections::add);
    Map<String, Object> data = new LinkedHashMap<>(provider == null ? Map.of() : provider.formData(task.caseId(), task.taskKey()));
    data.putAll(previousValues(task, completed));
    return new TaskDetails(task, formOf(task).map(FormDefinition::schema).orElse(null), data,
        new CaseContext(caseContext.title(), sections), refusal == null && user.username().equals(task.assignee()),
        refusal);
  }

  @Transactional
  TaskSummary claim(String taskId) {
    SignedInUser user = currentUser.get();
    TaskSummary task = lockedOpenTask(user, taskId);
    refuseIfFourEyes(task, user);
    if (task.assignee() != null) {
      throw alreadyClaimed();
    }
    claimLocked(task, user);
    return inbox.find(taskId).orElseThrow();
  }

  /**
   * Claims the step unless the user holds it already, and completes it: one request and one transaction instead of
   * two, with the same rules as claiming and completing one after the other (four-eyes checked once, both audited).
   * A step held by someone else gets 409, as a claim would. An unheld step is claimed and completed in one engine
   * command: the task is read and written once, and the read model's row updated once, holder and claim time included.
   */
  @Transactional
  void claimAndComplete(String taskId, Map<String, Object> submitted) {
    claimAndComplete(taskId, task -> submitted);
  }

  /**
   * As {@link #claimAndComplete(String, Map)}, with the values made from the step as read once locked, e.g. the approval
   * queue's decision under the name the step's form gives it.
   */
  @Transactional
  void claimAndComplete(String taskId, Function<TaskSummary, Map<String, Object>> submitted) {
    SignedInUser user = currentUser.get();
    TaskSummary task = lockedOpenTask(user, taskId);
    refuseIfFourEyes(task, user);
    if (task.assignee() != null && !user.username().equals(task.assignee())) {
      throw alreadyClaimed();
    }
    completeHeld(task, submitted.apply(task), task.assignee() == null ? user.username() : null);
  }

  @Transactional
  TaskSummary unclaim(String taskId) {
    SignedInUser user = currentUser.get();
    TaskSummary task = openTaskFor(user, taskId);
    if (!user.username().equals(task.assignee())) {
      throw ApiException.conflict("not_assignee", "このタスクの担当者ではありません");
    }
    tasks.setAssignee(taskId, null);
    audit.record(AuditOperation.TASK_UNCLAIM, null, describe(task));
    return inbox.find(taskId).orElseThrow();
  }

  @Transactional
  void complete(String taskId, Map<String, Object> submitted) {
    SignedInUser user = currentUser.get();
    TaskSummary task = lockedOpenTask(user, taskId);
    refuseIfFourEyes(task, user);
    if (!user.username().equals(task.assignee())) {
      throw ApiException.conflict("not_assignee", "タスクを完了するには、先に担当してください");
    }
    completeHeld(task, submitted, null);
  }

  /**
   * The open task as it is once its row is locked: a claim or completion that won the race meanwhile is seen (409).
   * The first read refuses an unknown, ended or foreign task before waiting on anybody's lock; the locking read is the
   * one the rules are checked on.
   */
  private TaskSummary lockedOpenTask(SignedInUser user, String taskId) {
    openTaskFor(user, taskId);
    TaskSummary locked = locks.lockOpen(taskId);
    requireCandidate(user, locked);
    return locked;
  }

  /** For a locked, unassigned task whose four-eyes rule the user passes. */
  private void claimLocked(TaskSummary task, SignedInUser user) {
    try {
      tasks.claim(task.id(), user.username());
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw alreadyClaimed();
    }
    audit.record(AuditOperation.TASK_CLAIM, null, describe(task));
  }

  /**
   * For a locked task whose four-eyes rule the user passes and that they hold, or that {@code claimer} (the user)
   * claims with its completion.
   */
  private void completeHeld(TaskSummary task, Map<String, Object> submitted, String claimer) {
    FormDefinition form = formOf(task).orElse(null);
    Map<String, Object> accepted = form == null ? Map.of() : form.validate(submitted == null ? Map.of() : submitted);
    if (form == null && submitted != null && !submitted.isEmpty()) {
      throw ApiException.invalid("この手順には入力項目がありません", Map.of());
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    if (form != null) {
      form.fields().stream().filter(FormDefinition.Field::processVariable)
          .filter(field -> accepted.containsKey(field.key()))
          .forEach(field -> variables.put(field.key(), accepted.get(field.key())));
    }
    steps.complete(task.processKey(), task.taskKey(), task.caseId(), accepted);
    try {
      readModel.completeWithSubmission(task.id(), toJson(accepted), claimer != null, claimer == null
          ? () -> tasks.complete(task.id(), variables)
          : () -> engine.getCommandExecutorTxRequired().execute(context -> {
            new ClaimTaskCmd(task.id(), claimer).execute(context);
            return new CompleteTaskCmd(task.id(), variables).execute(context);
          }));
    } catch (TaskAlreadyClaimedException e) {
      throw alreadyClaimed();
    } catch (OptimisticLockingException e) {
      throw ApiException.conflict("concurrent_edit", "他の職員が同時にこの案件を更新しました。画面を更新してください");
    }
    if (claimer != null) {
      audit.record(AuditOperation.TASK_CLAIM, null, describe(task));
    }
    audit.record(AuditOperation.TASK_COMPLETE, null, describe(task));
  }

  private TaskSummary openTaskFor(SignedInUser user, String taskId) {
    TaskSummary task = inbox.find(taskId)
        .filter(found -> "OPEN".equals(found.status()))
        .orElseThrow(() -> ApiException.notFound("タスクが見つかりません（完了済みの可能性があります）"));
    requireCandidate(user, task);
    return task;
  }

  private static void requireCandidate(SignedInUser user, TaskSummary task) {
    boolean candidate = user.username().equals(task.assignee())
        || task.candidateUsers().contains(user.username())
        || !Collections.disjoint(task.candidateGroups(), user.candidateGroups());
    if (!candidate) {
      throw ApiException.forbidden("not_candidate", "このタスクを扱う権限がありません");
    }
  }

  private String fourEyesRefusal(TaskSummary task, SignedInUser user) {
    return fourEyesRefusal(task, user.username());
  }

  /** The four-eyes rule for any user, e.g. the one a supervisor is about to give the step to; null when allowed. */
  String fourEyesRefusal(TaskSummary task, String username) {
    return fourEyes.refusal(models.step(task.processDefinitionId(), task.taskKey()).fourEyes(), task, username);
  }

  private void refuseIfFourEyes(TaskSummary task, SignedInUser user) {
    String refusal = fourEyesRefusal(task, user);
    if (refusal != null) {
      audit.recordRefusal(AuditOperation.TASK_REFUSED, null, describe(task) + " reason=four-eyes");
      throw ApiException.forbidden("four_eyes", refusal);
    }
  }

  private static ApiException alreadyClaimed() {
    return ApiException.conflict("already_claimed", "このタスクは既に他の職員が担当しています");
  }

  private Optional<FormDefinition> formOf(TaskSummary task) {
    return forms.find(models.step(task.processDefinitionId(), task.taskKey()).formId());
  }

  /** A step sent back for rework opens with what was entered the last time. */
  private Map<String, Object> previousValues(TaskSummary task, List<TaskInbox.CompletedStep> completed) {
    return completed.stream()
        .filter(step -> step.taskKey().equals(task.taskKey()) && step.submission() != null)
        .reduce((first, second) -> second)
        .map(step -> fromJson(step.submission())).orElse(Map.of());
  }

  private Optional<CaseContext.Section> history(TaskSummary task, List<TaskInbox.CompletedStep> completed) {
    List<CaseContext.Row> rows = new ArrayList<>();
    for (TaskInbox.CompletedStep step : completed) {
      StringBuilder value = new StringBuilder(users.displayName(step.completedBy())).append("（")
          .append(JapaneseDates.format(step.endedAt())).append("）");
      Optional<FormDefinition> form = forms.find(models.step(task.processDefinitionId(), step.taskKey()).formId());
      if (form.isPresent() && step.submission() != null) {
        fromJson(step.submission()).forEach((key, fieldValue) -> form.get().field(key).ifPresent(field ->
            value.append(" ").append(field.label()).append(": ").append(field.labelOf(fieldValue))));
      }
      rows.add(new CaseContext.Row(step.name(), value.toString()));
    }
    return rows.isEmpty() ? Optional.empty() : Optional.of(new CaseContext.Section("これまでの経過", rows));
  }

  private static String describe(TaskSummary task) {
    return "task=" + task.taskKey() + " process=" + task.processKey() + " case=" + task.caseId();
  }

  private String toJson(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
