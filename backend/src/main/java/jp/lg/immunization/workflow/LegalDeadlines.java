package jp.lg.immunization.workflow;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a case's legal deadline ({@value CaseStarter#LEGAL_DEADLINE}), e.g. R28's one extension of 30 days, and with
 * it the task list's due dates of the case's open steps: each is due again by the earliest of its SLA target (counted
 * from its creation), the new deadline and its own BPMN due date. A BPMN due date that was the old deadline (a step
 * dated {@code ${dueAt}}) counts as the deadline and follows it.
 */
@Component
public class LegalDeadlines {

  private final TaskReadModel readModel;

  LegalDeadlines(TaskReadModel readModel) {
    this.readModel = readModel;
  }

  /** Sets the deadline on the case and re-dates its open steps, in the calling delegate's transaction. */
  public void move(DelegateExecution execution, Date deadline) {
    Object previous = execution.getVariable(CaseStarter.LEGAL_DEADLINE);
    execution.setVariable(CaseStarter.LEGAL_DEADLINE, deadline);
    for (Task step : execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).list()) {
      Date stepDue = step.getDueDate();
      boolean fromOldDeadline = stepDue != null && previous instanceof Date old && old.getTime() == stepDue.getTime();
      readModel.redate(step.getId(), fromOldDeadline ? null : stepDue, deadline);
    }
  }
}
