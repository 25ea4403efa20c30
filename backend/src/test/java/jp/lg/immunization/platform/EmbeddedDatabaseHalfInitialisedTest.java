package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A first start killed while initdb ran leaves a half-made data folder; the next start moves it aside and goes on,
 * and a folder a PostgreSQL server ever ran on is never moved (issue 16).
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseHalfInitialisedTest {

  private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  @Test
  void aFolderInitdbDidNotFinishIsMovedAsideWithAWarningAndANewDatabaseStarts(@TempDir Path root,
                                                                                CapturedOutput output)
      throws Exception {
    Path dataDir = root.resolve("postgres");
    // What initdb has written when it is killed during its bootstrap: version, configuration, part of the catalog.
    Files.createDirectories(dataDir.resolve("base").resolve("1"));
    Files.createDirectories(dataDir.resolve("global"));
    Files.writeString(dataDir.resolve("PG_VERSION"), "17\n");
    Files.writeString(dataDir.resolve("postgresql.conf"), "# half-made\n");
    Files.writeString(dataDir.resolve("base").resolve("1").resolve("1259"), "partial");

    try (EmbeddedDatabase database = configuration.embeddedDatabase(properties(dataDir));
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(database)) {
      assertThat(new JdbcTemplate(dataSource).queryForObject("select 1", Integer.class)).isEqualTo(1);
    }
    List<Path> aside = siblings(root, "postgres.incomplete-");
    assertThat(aside).hasSize(1);
    assertThat(aside.get(0).resolve("base").resolve("1").resolve("1259")).hasContent("partial");
    assertThat(output).contains("was left half-initialised by an earlier start").contains(aside.get(0).toString());
  }

  @Test
  void aFolderAServerRanOnIsNeverMovedEvenWhenItCannotStart(@TempDir Path root) throws Exception {
    Path dataDir = root.resolve("postgres");
    try (EmbeddedDatabase first = configuration.embeddedDatabase(properties(dataDir));
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(first)) {
      DatabaseAdministrator.createAsTheOwner(first, "kept", "name text");
    }
    try (EmbeddedDatabase second = configuration.embeddedDatabase(properties(dataDir));
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(second)) {
      assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from kept", Long.class)).isZero();
    }
    assertThat(siblings(root, "postgres.incomplete-")).isEmpty();

    // Damaged (its configuration lost), but a server ran on it: left where it is for a person to look at.
    Files.delete(dataDir.resolve("postgresql.conf"));
    assertThatThrownBy(() -> configuration.embeddedDatabase(properties(dataDir))).isInstanceOf(Exception.class);
    assertThat(dataDir.resolve("postmaster.opts")).exists();
    assertThat(dataDir.resolve("PG_VERSION")).exists();
    assertThat(siblings(root, "postgres.incomplete-")).isEmpty();
  }

  private static EmbeddedDatabaseProperties properties(Path dataDir) {
    return new EmbeddedDatabaseProperties(dataDir, false, false, 0);
  }

  private static List<Path> siblings(Path root, String prefix) throws Exception {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(path -> path.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
