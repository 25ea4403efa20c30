package jp.lg.immunization.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the embedded data folder by an earlier run of the app that was killed (kill -9, an
 * OOM kill) before it could stop it. It still holds {@code postmaster.pid}, so a new start would fail with "lock file
 * already exists" until someone killed it by hand. Before the embedded database starts, such a postmaster is stopped
 * with a fast shutdown (its clients died with the old JVM; committed work is in its WAL), and a lock file naming a
 * process that is not a postmaster of this folder is removed.
 */
final class OrphanPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
  private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
  private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);

  private OrphanPostmaster() {}

  /** The process id in the folder's lock file, if there is one. */
  static Optional<Long> pidIn(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(lines.get(0).trim()));
  }

  /** Stops a postmaster that an earlier run left on this folder; returns whether there was one. */
  static boolean stopIfLeftBehind(Path dataDir) throws IOException {
    Optional<Long> pid = pidIn(dataDir);
    if (pid.isEmpty()) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      // PostgreSQL itself ignores a lock file whose process is gone.
      return false;
    }
    if (!isPostmasterOf(process.get(), dataDir)) {
      log.warn("The lock file of {} names process {}, which is not its PostgreSQL; the stale lock file is removed",
          dataDir.toAbsolutePath(), pid.get());
      Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
      return false;
    }
    log.warn("A PostgreSQL (process {}) left running on {} by an earlier run of the app is stopped before the start",
        pid.get(), dataDir.toAbsolutePath());
    signal(pid.get(), "INT");
    if (!exited(process.get(), FAST_SHUTDOWN_WAIT)) {
      log.warn("PostgreSQL (process {}) did not stop within {}; it is shut down immediately (it recovers from its WAL)",
          pid.get(), FAST_SHUTDOWN_WAIT);
      signal(pid.get(), "QUIT");
      if (!exited(process.get(), IMMEDIATE_SHUTDOWN_WAIT)) {
        throw new IllegalStateException("The PostgreSQL left on " + dataDir.toAbsolutePath() + " (process " + pid.get()
            + ") does not stop; stop it and start again");
      }
    }
    return true;
  }

  /** The lock file's second line is the data folder the postmaster serves. */
  private static boolean isPostmasterOf(ProcessHandle process, Path dataDir) throws IOException {
    boolean isPostgres = process.info().command().map(command -> command.endsWith("/postgres")).orElse(true);
    List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
    return isPostgres && lines.size() > 1 && Files.exists(Path.of(lines.get(1).trim()))
        && Files.isSameFile(Path.of(lines.get(1).trim()), dataDir);
  }

  static void signal(long pid, String signal) throws IOException {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling process " + pid, e);
    }
  }

  private static boolean exited(ProcessHandle process, Duration wait) {
    Instant until = Instant.now().plus(wait);
    while (process.isAlive() && Instant.now().isBefore(until)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !process.isAlive();
  }
}
