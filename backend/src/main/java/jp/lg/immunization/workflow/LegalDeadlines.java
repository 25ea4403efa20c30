package jp.lg.immunization.workflow;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a case's legal deadline ({@value CaseStarter#LEGAL_DEADLINE}), e.g. R28's one extension of 30 days, and with
 * it the due dates of the case's open steps: each is due again by the earlier of its SLA target and the new deadline,
 * as if it were created now with it. A step whose own due date was taken from the old deadline follows the new one.
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
