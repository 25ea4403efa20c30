package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27 for the engine's own history: an ended case's history goes its definition's historyTimeToLive days after it
 * ended, not a minute earlier, with every history table of the instance; a case still running keeps its history
 * however long ago it started. Ending a case stamps no removal time on its history (issue 19: that was five updates
 * per ended instance).
 */
@IntegrationTest
class EngineHistoryRetentionTest {

  /** Long before any other test's cases, so that the cleanup runs below find only this test's instances. */
  static final Instant STARTED = Instant.parse("2019-06-01T00:00:00Z");
  static final Instant ENDED = STARTED.plus(Duration.ofDays(3));
  static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void R27_anEndedCasesEngineHistoryGoesItsRetentionDaysAfterItEndedAndARunningCasesStays() {
    String deployment = repository.createDeployment().name("engine-history-retention-test")
        .addModelInstance("engine-history-retention-test.bpmn", Bpmn.createExecutableProcess("EngineHistoryRetention")
            .camundaHistoryTimeToLive(1).startEvent().userTask("CheckSomething").camundaCandidateGroups("staff")
            .endEvent().done())
        .deploy().getId();
    try {
      ClockUtil.setCurrentTime(Date.from(STARTED));
      String ended = runtime.startProcessInstanceByKey("EngineHistoryRetention", Map.of("decision", "A")).getId();
      String running = runtime.startProcessInstanceByKey("EngineHistoryRetention", Map.of("decision", "B")).getId();
      ClockUtil.setCurrentTime(Date.from(ENDED));
      String task = tasks.createTaskQuery().processInstanceId(ended).singleResult().getId();
      tasks.claim(task, "staff1");
      tasks.complete(task, Map.of("decision", "C"));
      HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isPositive());
      HISTORY_TABLES.forEach(table -> assertThat(jdbc.queryForObject("select count(*) from " + table
          + " where root_proc_inst_id_ = ? and removal_time_ is not null", Long.class, ended)).as(table).isZero());

      cleanUpHistoryAt(ENDED.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));
      HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isPositive());

      cleanUpHistoryAt(ENDED.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
      HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isZero());
      HISTORY_TABLES.forEach(table -> assertThat(rows(table, running)).as(table).isPositive());
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(running).count()).isOne();
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment, true);
    }
  }

  /** The nightly history cleanup job, run now as if the clock said {@code at}. */
  private void cleanUpHistoryAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    management.executeJob(history.cleanUpHistoryAsync(true).getId());
  }

  private long rows(String table, String processInstanceId) {
    return jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ = ?", Long.class,
        processInstanceId);
  }
}
