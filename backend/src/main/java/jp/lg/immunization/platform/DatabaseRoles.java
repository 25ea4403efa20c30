package jp.lg.immunization.platform;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Least privilege in the database (README, Security): the schema belongs to an owner role that only the schema's
 * changes use (the migrations, Camunda's schema creation and upgrade, the engine's extra indexes), while requests and
 * jobs run as a runtime role that reads and writes rows and nothing more: no DDL, no ownership (so no disabling of
 * triggers), no update or delete of the append-only tables, whose retention goes through the owner's functions (V50).
 * The embedded database creates both roles at every start ({@code db/roles/database-roles.sql}, which an external
 * database's administrator runs once: README) and gives the owner whatever an earlier version created as the superuser.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
public class DatabaseRoles {

  /** Owns the schema; the migrations (and through them the engine's schema) run as it. */
  public static final String OWNER = "immunization_owner";
  /** What the app's connection pool logs in as (V50 grants it what it needs). */
  public static final String RUNTIME = "immunization_runtime";

  /**
   * Tables, views, sequences and functions that versions before the roles (V50) made as the superuser; a sequence of a
   * serial or identity column follows its table.
   */
  private static final String HAND_OVER = """
      do $$
      declare o record;
      begin
        for o in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                   and pg_get_userbyid(c.relowner) <> 'immunization_owner'
                   and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')
                                   and c.relkind = 'S') loop
          execute format('alter %s %I owner to immunization_owner',
              case o.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                             else 'table' end, o.relname);
        end loop;
        for o in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> 'immunization_owner' loop
          execute format('alter function %s owner to immunization_owner', o.signature);
        end loop;
      end $$""";

  static EmbeddedDatabase createIn(EmbeddedDatabase database) throws IOException {
    try {
      JdbcTemplate superuser = new JdbcTemplate(
          new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl("postgres")));
      superuser.execute(new ClassPathResource("db/roles/database-roles.sql").getContentAsString(UTF_8));
      superuser.execute(HAND_OVER);
      return database;
    } catch (IOException | RuntimeException e) {
      try {
        database.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Bean
  FlywayConfigurationCustomizer migrationsAsTheOwner(EmbeddedDatabase database) {
    return configuration -> configuration.dataSource(database.jdbcUrl(OWNER), OWNER, "");
  }
}
