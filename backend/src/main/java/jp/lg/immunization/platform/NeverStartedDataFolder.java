package jp.lg.immunization.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder that initdb left half-made (the first start was killed while it ran): PostgreSQL cannot start on it,
 * and initdb refuses a folder that is not empty, so every later start would fail until someone cleaned it by hand.
 * Such a folder is recognised by what is missing: {@code postmaster.opts}, which PostgreSQL writes each time a server
 * starts on a folder and initdb never writes. Without it no server ever ran there, so it can hold no committed data;
 * it is moved aside (never deleted) for a fresh initdb. A folder a server ran on is never touched, even if damaged:
 * PostgreSQL's own error then stops the start.
 */
final class NeverStartedDataFolder {

  private static final Logger log = LoggerFactory.getLogger(NeverStartedDataFolder.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private NeverStartedDataFolder() {
  }

  /** Returns where the folder was moved, if it was one that no server ever ran on. */
  static Optional<Path> moveAside(Path dataDir, Instant now) throws IOException {
    if (!Files.isDirectory(dataDir) || Files.exists(dataDir.resolve("postmaster.opts")) || isEmpty(dataDir)) {
      return Optional.empty();
    }
    Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".incomplete-" + STAMP.format(now));
    Files.move(dataDir, aside);
    Files.createDirectories(dataDir);
    log.warn("The embedded database folder {} was left half-initialised by an earlier start (initdb did not finish;"
        + " no PostgreSQL server ever ran on it): moved aside to {} and a new database is created. Delete the moved"
        + " folder once you have looked at it.", dataDir.toAbsolutePath(), aside.toAbsolutePath());
    return Optional.of(aside);
  }

  private static boolean isEmpty(Path dataDir) throws IOException {
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.findAny().isEmpty();
    }
  }
}
