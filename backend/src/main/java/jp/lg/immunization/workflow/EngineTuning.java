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
 * status, and the indexes that Camunda's PostgreSQL schema lacks: on ACT_RU_TASK.PARENT_TASK_ID_ (every completion
 * looks up subtasks by it; without it a completion scans the whole task table) and on the history the reports read.
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
    // For the reports on ProcessFacts.instances(): instances by start day, running ones by process. The names are
    // those the KPI module first created them under, so existing databases keep theirs.
    jdbc.execute("create index if not exists kpi_hi_procinst_start on act_hi_procinst (start_time_)");
    jdbc.execute("create index if not exists kpi_hi_procinst_open on act_hi_procinst (proc_def_key_) where end_time_ is null");
  }
}
