package jp.lg.immunization.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs are locked in the database under the name of the node that took them. Camunda names a node anew
 * at every start, so the jobs a node had taken when it was killed stayed locked until their lock ran out (five
 * minutes), and the cases behind them waited that long after the node was back. Here a node keeps its name across
 * restarts (host, data folder and port, or {@code immunization.node-name}), and as it starts, before its job executor
 * runs anything, it frees the jobs still locked under that name: no thread of this node can be running them.
 * Every node of a cluster must therefore have a name of its own, which the default gives nodes on different hosts or
 * folders (README, Several nodes).
 */
@Component
class NodeJobLocks implements ProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(NodeJobLocks.class);

  private final String nodeName;
  private final boolean jobExecution;

  NodeJobLocks(@Value("${immunization.node-name:}") String configuredName,
               @Value("${immunization.data-dir:data}") Path dataDir,
               @Value("${server.port:8080}") int port,
               @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
    this.nodeName = configuredName.isBlank() ? defaultName(dataDir, port) : configuredName;
    this.jobExecution = jobExecution;
  }

  String nodeName() {
    return nodeName;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (jobExecution) {
      freeLocksOfAnEarlierRun(new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource()));
    }
  }

  void freeLocksOfAnEarlierRun(JdbcTemplate jdbc) {
    int freed = jdbc.update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ = ?",
        nodeName);
    if (freed > 0) {
      log.info("Freed {} engine jobs this node had locked when it stopped last; they run again now", freed);
    }
  }

  private static String defaultName(Path dataDir, int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String name = host + ":" + port + ":" + dataDir.toAbsolutePath().normalize();
    return name.length() <= 255 ? name : name.substring(name.length() - 255);
  }
}
