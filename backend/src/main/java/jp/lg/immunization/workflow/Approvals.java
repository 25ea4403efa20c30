package jp.lg.immunization.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' approval queue: every open step whose form is an approval (a {@code decision} of
 * APPROVE or REJECT), shown with what is being approved, and decided in one step. The same server-side
 * rules apply as for any task: candidate groups, four-eyes, the form's fields.
 */
@Service
class Approvals {

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";

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
    return new Page(page.items().stream().map(work::details).toList(), page.nextCursor());
  }

  /** Claims (unless already held) and completes in one transaction: all of it happens, or none. */
  @Transactional
  void decide(String taskId, Map<String, Object> values) {
    work.claimIfUnassigned(taskId);
    work.complete(taskId, values);
  }

  /** The steps whose form is an approval, in every deployed process. */
  Set<String> approvalSteps() {
    return models.latest().stream().flatMap(model -> model.steps().entrySet().stream())
        .filter(step -> forms.find(step.getValue().formId()).flatMap(form -> form.field("decision"))
            .map(field -> field.options().keySet().containsAll(Set.of(APPROVE, REJECT))).orElse(false))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
