package jp.lg.immunization.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** The earlier run of {@link EmbeddedDatabaseRestartTest}: starts the database, commits a row, waits to be killed. */
final class EarlierRun {

  private EarlierRun() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
    EmbeddedDatabase database = configuration.embeddedDatabase(
        new EmbeddedDatabaseProperties(Path.of(args[0]), true, false, 0));
    HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(database);
    DatabaseAdministrator.createAsTheOwner(database, "acknowledged", "id int primary key");
    new JdbcTemplate(dataSource).update("insert into acknowledged values (1)");
    System.out.println("READY " + database.postmasterPid() + " " + database.watchdogPid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
