package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the task read model's listener to every user task, the case-status listener to every step that declares a
 * status, and the index that Camunda's PostgreSQL schema lacks on ACT_RU_TASK.PARENT_TASK_ID_ (every completion looks
 * up subtasks by it; without it a completion scans the whole task table).
 */
@Component
class EngineTuning implements ProcessEnginePlugin {

  private final TaskReadModel taskReadModel;
  private final CaseStatusListener caseStatus;
  private final JdbcTemplate jdbc;

  EngineTuning(TaskReadModel taskReadModel, CaseStatusListener caseStatus, JdbcTemplate jdbc) {
    this.taskReadModel = taskReadModel;
    this.caseStatus = caseStatus;
    this.jdbc = jdbc;
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
  public void postProcessEngineBuild(ProcessEngine engine) {
    jdbc.execute("create index if not exists act_idx_task_parent_task on act_ru_task (parent_task_id_)");
  }
}
