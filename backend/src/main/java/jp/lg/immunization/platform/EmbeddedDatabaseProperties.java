package jp.lg.immunization.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts
 * @param durable fsync and synchronous commit; only tests may turn it off, the app holds real data
 * @param clean wipe the cluster at start (tests only)
 * @param port 0 picks a free port
 */
@ConfigurationProperties("immunization.database.embedded")
record EmbeddedDatabaseProperties(Path dataDir, boolean durable, boolean clean, int port) {

  EmbeddedDatabaseProperties {
    if (dataDir == null) {
      dataDir = Path.of("data", "postgres");
    }
  }
}
