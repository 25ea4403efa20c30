package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.springframework.stereotype.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the task read model's listener to every user task and the case-status listener to every step that declares a
 * status. (The indexes Camunda's schema lacks are the schema owner's: {@link EngineSchema}.)
 */
@Component
class EngineTuning implements ProcessEnginePlugin {

  private final TaskReadModel taskReadModel;
  private final CaseStatusListener caseStatus;

  EngineTuning(TaskReadModel taskReadModel, CaseStatusListener caseStatus) {
    this.taskReadModel = taskReadModel;
    this.caseStatus = caseStatus;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new TaskReadModelParseListener(taskReadModel));
    listeners.add(new CaseStatusParseListener(caseStatus));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}
}
