package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness part: the engine reaches its tables, the processes are deployed, and the job executor runs where it is
 * switched on (a node without it would accept work whose timers and service steps never run).
 */
@Component("engine")
class EngineHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final boolean jobExecutionEnabled;

  EngineHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
    super("The process engine could not be checked");
    this.engine = engine;
    this.jobExecutionEnabled = jobExecutionEnabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    long processes = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
    boolean jobExecutorActive = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor().isActive();
    boolean ready = processes > 0 && (jobExecutorActive || !jobExecutionEnabled);
    builder.status(ready ? "UP" : "DOWN")
        .withDetail("processes", processes)
        .withDetail("jobExecutor", jobExecutionEnabled ? (jobExecutorActive ? "active" : "stopped") : "off");
  }
}
