package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Restart after kill -9 on the embedded database. An earlier run is a real second JVM ({@link EarlierRun}) that starts
 * the database on the folder, commits a row and is then killed with SIGKILL.
 */
class EmbeddedDatabaseRestartTest {

  private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  @Test
  void aStartStopsThePostgresAKilledRunLeftOnTheFolderAndKeepsItsCommittedData(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("postgres");
    EarlierRunHandle earlier = EarlierRunHandle.start(dataDir);
    // Both the JVM and its watchdog die at once, as when a whole process group is killed: the postmaster is orphaned.
    ProcessHandle.of(earlier.watchdogPid).ifPresent(ProcessHandle::destroyForcibly);
    earlier.process.destroyForcibly().waitFor();
    Thread.sleep(300);
    assertThat(alive(earlier.postmasterPid)).as("the orphan postmaster").isTrue();
    assertThat(dataDir.resolve("postmaster.pid")).exists();

    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, true, false, 0);
    try (EmbeddedDatabase restarted = configuration.embeddedDatabase(properties);
         HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(restarted)) {
      assertThat(alive(earlier.postmasterPid)).isFalse();
      assertThat(restarted.postmasterPid()).isNotEqualTo(earlier.postmasterPid);
      assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from acknowledged", Integer.class))
          .isEqualTo(1);
    }
  }

  @Test
  void theDatabaseDoesNotOutliveAKilledApp(@TempDir Path dir) throws Exception {
    EarlierRunHandle earlier = EarlierRunHandle.start(dir.resolve("postgres"));
    earlier.process.destroyForcibly().waitFor();

    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (alive(earlier.postmasterPid) && Instant.now().isBefore(until)) {
      Thread.sleep(100);
    }
    assertThat(alive(earlier.postmasterPid)).as("postmaster after its JVM was killed").isFalse();
    assertThat(alive(earlier.watchdogPid)).as("the watchdog, its work done").isFalse();
  }

  @Test
  void aLockFileNamingAnotherProgramIsRemovedAndTheDatabaseStarts(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("postgres");
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, true, false, 0);
    configuration.embeddedDatabase(properties).close();
    Process unrelated = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(dataDir.resolve("postmaster.pid"), unrelated.pid() + "\n" + dataDir.toAbsolutePath() + "\n");
      try (EmbeddedDatabase restarted = configuration.embeddedDatabase(properties)) {
        assertThat(restarted.postmasterPid()).isNotEqualTo(unrelated.pid());
      }
      assertThat(unrelated.isAlive()).as("an unrelated process is never signalled").isTrue();
    } finally {
      unrelated.destroyForcibly();
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private record EarlierRunHandle(Process process, long postmasterPid, long watchdogPid) {

    static EarlierRunHandle start(Path dataDir) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          EarlierRun.class.getName(), dataDir.toString())
          .redirectErrorStream(true)
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          return new EarlierRunHandle(process, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }
      }
      throw new IllegalStateException("the earlier run ended before its database was ready");
    }
  }
}
