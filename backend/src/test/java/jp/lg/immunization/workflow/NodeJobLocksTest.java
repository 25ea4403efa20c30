package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: a node killed while its job executor held jobs frees them as it starts again, instead of leaving the cases
 * behind them to wait for the locks to run out; jobs another node holds are not touched.
 */
@IntegrationTest
class NodeJobLocksTest {

  @Autowired NodeJobLocks locks;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theJobsThisNodeHadLockedWhenItStoppedAreFreedAtItsStartAndAnotherNodesStayLocked() throws Exception {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
        .getLockOwner()).as("the engine locks under the node's lasting name").isEqualTo(locks.nodeName());
    String mine = lookupJobOf(start("ナカムラ ロック"));
    String theOthers = lookupJobOf(start("ナカムラ ホカ"));
    lock(mine, locks.nodeName());
    lock(theOthers, "another-node");
    try {
      locks.freeLocksOfAnEarlierRun(jdbc);

      assertThat(lockOf(mine)).containsEntry("lock_owner_", null).containsEntry("lock_exp_time_", null);
      assertThat(lockOf(theOthers).get("lock_owner_")).isEqualTo("another-node");
      assertThat(lockOf(theOthers).get("lock_exp_time_")).isNotNull();
    } finally {
      lock(theOthers, null);
    }
  }

  private ProcessInstance start(String nameKana) throws Exception {
    return driver.start("staff1", "NonResidentConfirmation", Map.of(
        "nameKana", nameKana, "birthDate", "1960-04-01", "sex", "MALE", "reason", "市外在住者の接種記録登録のため"));
  }

  private String lookupJobOf(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private void lock(String jobId, String owner) {
    jdbc.update("""
        update act_ru_job set lock_owner_ = ?,
          lock_exp_time_ = case when ?::varchar is null then null else now() + interval '5 minutes' end
        where id_ = ?""", owner, owner, jobId);
  }

  private Map<String, Object> lockOf(String jobId) {
    return jdbc.queryForMap("select lock_owner_, lock_exp_time_ from act_ru_job where id_ = ?", jobId);
  }
}
