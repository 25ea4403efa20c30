package jp.lg.immunization.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' approval queue: every open step whose form is an approval (a {@code decision}, or in the later
 * forms an {@code approval}, of APPROVE or REJECT), shown with what is being approved, and decided in one step. The
 * same server-side rules apply as for any task: candidate groups, four-eyes, the form's fields.
 */
@Service
class Approvals {

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";
  /** The field the queue decides with; {@link #DECISION_FIELDS} are the names forms give it. */
  static final String DECISION = "decision";
  static final List<String> DECISION_FIELDS = List.of(DECISION, "approval");

  record Page(List<TaskWork.TaskDetails> items, String nextCursor) {}

  private final ProcessModels models;
  private final FormRegistry forms;
  private final TaskInbox inbox;
  private final TaskWork work;
  private final CurrentUser currentUser;

  Approvals(ProcessModels models, FormRegistry forms, TaskInbox inbox, TaskWork work, CurrentUser currentUser) {
    this.models = models;
    this.forms = forms;
    this.inbox = inbox;
    this.work = work;
    this.currentUser = currentUser;
  }

  @Transactional
  Page pending(String cursor, int size) {
    TaskInbox.Page page = inbox.steps(currentUser.get(), approvalSteps(), cursor, size);
    return new Page(work.details(page.items()), page.nextCursor());
  }

  /** Claims (unless already held) and completes in one transaction: all of it happens, or none. */
  @Transactional
  void decide(String taskId, Map<String, Object> values) {
    work.claimAndComplete(taskId, task -> inTheFormsTerms(task, values));
  }

  /** The steps whose form is an approval, in every deployed process. */
  Set<String> approvalSteps() {
    return models.latest().stream().flatMap(model -> model.steps().entrySet().stream())
        .filter(step -> forms.find(step.getValue().formId()).flatMap(Approvals::decisionField).isPresent())
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** The form's field that takes APPROVE or REJECT, if it has one. */
  static Optional<String> decisionField(FormDefinition form) {
    return DECISION_FIELDS.stream().filter(name -> form.field(name)
        .map(field -> field.options().keySet().containsAll(Set.of(APPROVE, REJECT))).orElse(false)).findFirst();
  }

  /** The queue sends {@code decision}; a form that calls it {@code approval} gets it under that name. */
  private Map<String, Object> inTheFormsTerms(TaskSummary task, Map<String, Object> values) {
    if (values == null || !values.containsKey(DECISION)) {
      return values;
    }
    String field = forms.find(models.step(task.processDefinitionId(), task.taskKey()).formId())
        .flatMap(Approvals::decisionField).orElse(DECISION);
    if (field.equals(DECISION)) {
      return values;
    }
    Map<String, Object> renamed = new LinkedHashMap<>(values);
    renamed.put(field, renamed.remove(DECISION));
    return renamed;
  }
}
