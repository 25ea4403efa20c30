package jp.lg.immunization.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Only the app deletes the engine's history ({@link EngineHistoryRetention}, R27). With {@code historyCleanupEnabled:
 * false} the engine creates no history cleanup job; a database that ran an earlier version still holds the job that
 * version created, which would go on deleting within its old batch window, so it is removed at start.
 */
@Component
class EngineHistoryCleanupOff implements ProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineHistoryCleanupOff.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    removeCleanupJobs(engine);
  }

  static void removeCleanupJobs(ProcessEngine engine) {
    for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
      try {
        engine.getManagementService().deleteJob(job.getId());
        log.info("Removed Camunda's history cleanup job {}: the app's retention rules delete the history", job.getId());
      } catch (ProcessEngineException e) {
        // Another node starting at the same time removed it first, or it is running right now: the next start retries.
        log.warn("Could not remove Camunda's history cleanup job {}: {}", job.getId(), e.getClass().getName());
      }
    }
  }
}
