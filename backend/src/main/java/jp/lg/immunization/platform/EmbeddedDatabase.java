package jp.lg.immunization.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one app process: started on its persistent folder after stopping whatever an earlier,
 * killed run left there (a server, or a folder initdb did not finish), watched so that it never outlives this JVM,
 * and closed by Spring after everything that uses it.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final PostmasterWatchdog watchdog;
  private final long postmasterPid;

  private EmbeddedDatabase(EmbeddedPostgres postgres, PostmasterWatchdog watchdog, long postmasterPid) {
    this.postgres = postgres;
    this.watchdog = watchdog;
    this.postmasterPid = postmasterPid;
  }

  /** @param owner the process whose death stops the database: this JVM, or in tests a stand-in */
  static EmbeddedDatabase start(EmbeddedDatabaseProperties properties, ProcessHandle owner) throws IOException {
    Path dataDir = properties.dataDir();
    Files.createDirectories(dataDir);
    OrphanPostmaster.stopIfLeftBehind(dataDir);
    if (!properties.clean()) {
      NeverStartedDataFolder.moveAside(dataDir, Instant.now());
    }
    String onOff = properties.durable() ? "on" : "off";
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(properties.clean())
        .setRegisterShutdownHook(false)
        .setPort(properties.port())
        .setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C")
        .setServerConfig("fsync", onOff)
        .setServerConfig("synchronous_commit", onOff)
        .setServerConfig("full_page_writes", onOff)
        .setServerConfig("max_connections", "100")
        .setServerConfig("timezone", "Asia/Tokyo")
        // Statement statistics (calls, time, rows per statement) for whoever looks into a slow installation, and for the
        // benchmark: counted from the start at a small cost, read by a superuser after CREATE EXTENSION pg_stat_statements.
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .start();
    long pid = OrphanPostmaster.pidIn(dataDir)
        .orElseThrow(() -> new IllegalStateException("PostgreSQL started without a lock file in " + dataDir));
    PostmasterWatchdog watchdog;
    try {
      watchdog = PostmasterWatchdog.watch(owner.pid(), pid, dataDir);
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e;
    }
    log.info("Embedded PostgreSQL (process {}) started on port {} with data in {} (durable: {})",
        pid, postgres.getPort(), dataDir.toAbsolutePath(), properties.durable());
    return new EmbeddedDatabase(postgres, watchdog, pid);
  }

  /** The database as {@code user}: the superuser {@code postgres}, or one of {@link DatabaseRoles}. */
  String jdbcUrl(String user) {
    return postgres.getJdbcUrl(user, "postgres");
  }

  long postmasterPid() {
    return postmasterPid;
  }

  long watchdogPid() {
    return watchdog.pid();
  }

  @Override
  public void close() throws IOException {
    watchdog.close();
    postgres.close();
    log.info("Embedded PostgreSQL stopped");
  }
}
