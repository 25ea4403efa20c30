package jp.lg.immunization.workflow;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's schema is changed by the schema's owner, not by the runtime role the engine runs as (README, Security;
 * the engine only checks the schema's version: {@code camunda.bpm.database.schema-update: false}). Before the engine
 * starts, and after the migrations (this plugin needs their initializer), Camunda's tables are created or upgraded
 * through the migrations' connection, and the indexes Camunda's PostgreSQL schema lacks are added: on
 * ACT_RU_TASK.PARENT_TASK_ID_ (every completion looks up subtasks by it; without it a completion scans the whole task
 * table) and on the history the reports read.
 */
@Component
class EngineSchema implements ProcessEnginePlugin {

  private final DataSource owner;

  EngineSchema(Flyway flyway, FlywayMigrationInitializer migrated) {
    this.owner = flyway.getConfiguration().getDataSource();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    new OwnersSchemaOperations(owner, configuration).createOrUpgrade();
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

  /** Only the schema step of an engine's start, on the owner's connection, for the tables the real engine uses. */
  private static final class OwnersSchemaOperations extends StandaloneProcessEngineConfiguration {

    OwnersSchemaOperations(DataSource owner, ProcessEngineConfigurationImpl engine) {
      setDataSource(owner);
      setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      setDatabaseTablePrefix(engine.getDatabaseTablePrefix());
      setDbHistoryUsed(engine.isDbHistoryUsed());
      setDbIdentityUsed(engine.isDbIdentityUsed());
      setCmmnEnabled(engine.isCmmnEnabled());
      setDmnEnabled(engine.isDmnEnabled());
      setJobExecutorActivate(false);
      setMetricsEnabled(false);
    }

    void createOrUpgrade() {
      init();
      getCommandExecutorSchemaOperations().execute(getSchemaOperationsCommand());
    }
  }
}
