package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Built-in listeners run even when custom listeners are skipped, so the read model never misses a task. */
class TaskReadModelParseListener extends AbstractBpmnParseListener {

  private final TaskReadModel readModel;

  TaskReadModelParseListener(TaskReadModel readModel) {
    this.readModel = readModel;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
        TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
      definition.addBuiltInTaskListener(event, readModel);
    }
  }
}
