package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Least privilege (README, Security): the app's connections cannot change the schema, its triggers or an append-only
 * row, whatever SQL they are made to run; the schema is the owner's.
 */
@IntegrationTest
class DatabaseRolesTest {

  private static final List<String> APPEND_ONLY = List.of("audit_event", "relief_event", "case_note",
      "resident_change", "resident_request_event", "illness_exception_event", "wrong_vaccination_event");

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired DatabaseAdministrator administrator;
  @Autowired EmbeddedDatabase database;

  @Test
  void R04_theAppRunsAsARoleThatOwnsNothingWhileTheOwnerHoldsEveryTableIncludingTheEnginesAndTheMigrations() {
    assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(DatabaseRoles.RUNTIME);
    assertThat(jdbc.queryForObject("""
        select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls or rolreplication
          from pg_roles where rolname = current_user""", Boolean.class)).isFalse();
    assertThat(jdbc.queryForList("select tablename from pg_tables where schemaname = 'public' and tableowner <> ?",
        String.class, DatabaseRoles.OWNER)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'public'"
        + " and tablename in ('act_ru_task', 'act_hi_procinst', 'flyway_schema_history', 'audit_event')", Long.class))
        .isEqualTo(4);
    assertThat(jdbc.queryForObject("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'",
        String.class)).isEqualTo(DatabaseRoles.OWNER);
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'act_idx_task_parent_task'",
        Long.class)).as("the engine's extra index, made by the owner").isEqualTo(1);
  }

  @Test
  void R04_theEmbeddedDatabaseHandsWhatAnEarlierVersionMadeAsTheSuperuserToTheOwner() throws Exception {
    JdbcTemplate superuser = administrator.superuser();
    superuser.execute("create table earlier_version (id bigserial primary key, note text)");
    superuser.execute("create function earlier_version_check() returns trigger language plpgsql as"
        + " $$ begin return new; end $$");
    try {
      DatabaseRoles.createIn(database);

      assertThat(superuser.queryForList("""
          select c.relname || ' ' || pg_get_userbyid(c.relowner) from pg_class c
           where c.relname in ('earlier_version', 'earlier_version_id_seq')
          union all
          select p.proname || ' ' || pg_get_userbyid(p.proowner) from pg_proc p where p.proname = 'earlier_version_check'""",
          String.class)).containsExactlyInAnyOrder("earlier_version immunization_owner",
          "earlier_version_id_seq immunization_owner", "earlier_version_check immunization_owner");
    } finally {
      administrator.owner().execute("drop table earlier_version; drop function earlier_version_check()");
    }
  }

  /** Every table whose trigger says it is append-only: a timeline added later is checked without being listed. */
  private List<String> appendOnlyTables() {
    return jdbc.queryForList("""
        select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
         where not t.tgisinternal and p.prosrc like '%append-only%' order by 1""", String.class);
  }

  @Test
  void R04_theAppsRoleCannotUpdateDeleteOrTruncateAnAppendOnlyRowNorTheMigrationsRecord() {
    List<String> appendOnly = appendOnlyTables();
    assertThat(appendOnly).containsAll(APPEND_ONLY).contains("vrs_mover_consent", "vrs_mover_query_event",
        "vrs_certificate_event", "outside_provision_event");
    for (String table : java.util.stream.Stream.concat(APPEND_ONLY.stream(), appendOnly.stream()).distinct().toList()) {
      String column = jdbc.queryForObject("select column_name from information_schema.columns"
          + " where table_name = ? and ordinal_position = 1", String.class, table);
      for (String sql : List.of("update " + table + " set " + column + " = " + column, "delete from " + table,
          "truncate " + table)) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql).hasStackTraceContaining("permission denied for table");
      }
    }
    assertThatThrownBy(() -> jdbc.update("delete from flyway_schema_history where version = '50'"))
        .hasStackTraceContaining("permission denied for table");
  }

  @Test
  void R04_theAppsRoleCannotDisableATriggerReplaceItsFunctionSwitchTriggersOffOrChangeTheSchema() {
    for (String sql : List.of("alter table audit_event disable trigger all",
        "drop trigger audit_event_no_update on audit_event", "drop function audit_event_refuse_change()",
        "drop table audit_event", "alter table resident add column intruder text",
        "create index intruder on act_ru_task (name_)")) {
      assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).hasStackTraceContaining("must be owner");
    }
    for (String sql : List.of("create table intruder (id int)",
        "create or replace function audit_event_refuse_change() returns trigger language plpgsql as"
            + " $$ begin return old; end $$")) {
      assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).hasStackTraceContaining("permission denied for schema public");
    }
    assertThatThrownBy(() -> transactions.executeWithoutResult(
        status -> jdbc.execute("set local session_replication_role = replica")))
        .hasStackTraceContaining("permission denied");
  }
}
