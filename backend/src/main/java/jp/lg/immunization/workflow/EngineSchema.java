package jp.lg.immunization.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * The engine's schema is changed by the schema's owner, not by the runtime role the engine runs as (README, Security;
 * the engine only checks the schema's version: {@code camunda.bpm.database.schema-update: false}). Before the engine
 * starts, and after the migrations (this plugin needs their initializer), Camunda's tables are created through the
 * migrations' connection, and the indexes Camunda's PostgreSQL schema lacks are added: on
 * ACT_RU_TASK.PARENT_TASK_ID_ (every completion looks up subtasks by it; without it a completion scans the whole task
 * table) and on the history the reports read.
 */
@Component
class EngineSchema implements ProcessEnginePlugin {

  private static final String CREATE_SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.postgres.create.%s.sql";
  /** Any number, the same on every node: two nodes starting on an empty database create the tables once. */
  private static final long CREATION_LOCK = 7_240_001L;

  private final DataSource owner;

  EngineSchema(Flyway flyway, FlywayMigrationInitializer migrated) {
    this.owner = flyway.getConfiguration().getDataSource();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    createMissingComponents(configuration);
    JdbcTemplate jdbc = new JdbcTemplate(owner);
    jdbc.execute("create index if not exists act_idx_task_parent_task on act_ru_task (parent_task_id_)");
    // For the reports on ProcessFacts.instances(): instances by start day, running ones by process. The names are
    // those the KPI module first created them under, so existing databases keep theirs.
    jdbc.execute("create index if not exists kpi_hi_procinst_start on act_hi_procinst (start_time_)");
    jdbc.execute("create index if not exists kpi_hi_procinst_open on act_hi_procinst (proc_def_key_) where end_time_ is null");
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}

  /**
   * What the engine's own schema update does on PostgreSQL (Camunda's create script of each component whose table is
   * missing), without building a second engine configuration for it, which cost seconds of every start. In one
   * transaction: a start killed half-way leaves no half schema behind.
   */
  private void createMissingComponents(ProcessEngineConfigurationImpl engine) {
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATION_LOCK);
      components(engine).forEach((component, table) -> {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, table))) {
          ScriptUtils.executeSqlScript(connection, new ClassPathResource(CREATE_SCRIPTS.formatted(component)));
        }
      });
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the process engine's tables", e);
    }
  }

  /** The engine's schema components this engine uses, each with the table whose presence shows it was created. */
  private static Map<String, String> components(ProcessEngineConfigurationImpl engine) {
    boolean history = engine.isDbHistoryUsed();
    Map<String, String> components = new LinkedHashMap<>();
    components.put("engine", "act_ru_execution");
    if (history) {
      components.put("history", "act_hi_procinst");
    }
    if (engine.isDbIdentityUsed()) {
      components.put("identity", "act_id_user");
    }
    if (engine.isCmmnEnabled()) {
      components.put("case.engine", "act_re_case_def");
      if (history) {
        components.put("case.history", "act_hi_caseinst");
      }
    }
    if (engine.isDmnEnabled()) {
      components.put("decision.engine", "act_re_decision_def");
      if (history) {
        components.put("decision.history", "act_hi_decinst");
      }
    }
    return components;
  }
}
