package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Readiness of the engine (issue 16): ready only when processes are deployed and, where job execution is switched on,
 * the job executor is actually running; a node whose executor stopped would take work it never carries on.
 */
class EngineHealthTest {

  @Test
  void readyWhenProcessesAreDeployedAndTheJobExecutorRuns() {
    Health health = health(14, true, true);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("processes", 14L).containsEntry("jobExecutor", "active");
  }

  @Test
  void notReadyWhenTheJobExecutorIsSwitchedOnButStopped() {
    Health health = health(14, true, false);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("jobExecutor", "stopped");
  }

  @Test
  void readyWithoutJobExecutionWhereItIsSwitchedOff() {
    Health health = health(14, false, false);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("jobExecutor", "off");
  }

  @Test
  void notReadyWithoutDeployedProcesses() {
    assertThat(health(0, true, true).getStatus()).isEqualTo(Status.DOWN);
  }

  private static Health health(long processes, boolean jobExecutionEnabled, boolean executorActive) {
    ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
    ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class, RETURNS_DEEP_STUBS);
    when(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count()).thenReturn(processes);
    when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
    when(configuration.getJobExecutor().isActive()).thenReturn(executorActive);
    return new EngineHealth(engine, jobExecutionEnabled).health();
  }
}
