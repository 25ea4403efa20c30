package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The app's embedded default holds real data: durable, and still there after a restart. */
class EmbeddedDatabaseDurabilityTest {

  private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  @Test
  void runsWithFsyncAndSynchronousCommitAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres"), true, false, 0);
    try (EmbeddedDatabase first = configuration.embeddedDatabase(properties);
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(first)) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show server_encoding", String.class)).isEqualTo("UTF8");
      DatabaseAdministrator.createAsTheOwner(first, "kept", "name text");
      jdbc.update("insert into kept values ('住登外者確認 #1')");
    }
    try (EmbeddedDatabase second = configuration.embeddedDatabase(properties);
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(second)) {
      assertThat(new JdbcTemplate(dataSource).queryForObject("select name from kept", String.class))
          .isEqualTo("住登外者確認 #1");
    }
  }
}
