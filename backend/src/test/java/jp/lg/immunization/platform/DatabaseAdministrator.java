package jp.lg.immunization.platform;

import java.sql.PreparedStatement;
import java.sql.Statement;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The test database as someone other than the app: its superuser (who can do anything, e.g. tamper with the audit
 * trail bypassing its triggers, or make a table fail on purpose) or the schema's owner. The app's own connections run
 * as {@link DatabaseRoles#RUNTIME} and can do neither.
 */
@TestComponent
public class DatabaseAdministrator {

  private final EmbeddedDatabase database;

  DatabaseAdministrator(EmbeddedDatabase database) {
    this.database = database;
  }

  public JdbcTemplate superuser() {
    return as("postgres");
  }

  public JdbcTemplate owner() {
    return as(DatabaseRoles.OWNER);
  }

  /** Runs one statement as the superuser in a transaction in which no trigger fires. */
  public void bypassingTriggers(String sql, Object... args) {
    superuser().execute((ConnectionCallback<Void>) connection -> {
      connection.setAutoCommit(false);
      try (Statement replica = connection.createStatement();
           PreparedStatement statement = connection.prepareStatement(sql)) {
        replica.execute("set local session_replication_role = replica");
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
        connection.commit();
      } catch (java.sql.SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      return null;
    });
  }

  /** A table as a migration makes it, for tests that start the database without the app: the owner's, rows granted. */
  static void createAsTheOwner(EmbeddedDatabase database, String table, String columns) {
    as(database, DatabaseRoles.OWNER).execute("create table " + table + " (" + columns + "); grant select, insert on "
        + table + " to " + DatabaseRoles.RUNTIME);
  }

  private JdbcTemplate as(String user) {
    return as(database, user);
  }

  private static JdbcTemplate as(EmbeddedDatabase database, String user) {
    return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(user)));
  }
}
