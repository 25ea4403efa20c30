package jp.lg.immunization.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps the embedded PostgreSQL from outliving the app. A small shell process watches the app's JVM; when the JVM is
 * gone without having stopped the database (kill -9, an OOM kill), it asks PostgreSQL for a fast shutdown, so no
 * orphan keeps the data folder. A separate process because a killed JVM runs no code of its own; a shell because every
 * image that runs the app has one. {@link OrphanPostmaster} is the second line of defence, for when both are killed.
 */
final class PostmasterWatchdog implements AutoCloseable {

  // $1 the JVM, $2 the postmaster, $3 its lock file: the postmaster is signalled only while the lock still names it.
  private static final String SCRIPT = """
      while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
      if kill -0 "$2" 2>/dev/null && [ "$(head -n 1 "$3" 2>/dev/null)" = "$2" ]; then kill -INT "$2"; fi
      """;

  private final Process process;

  private PostmasterWatchdog(Process process) {
    this.process = process;
  }

  static PostmasterWatchdog watch(long ownerPid, long postmasterPid, Path dataDir) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", SCRIPT, "postmaster-watchdog", Long.toString(ownerPid),
        Long.toString(postmasterPid), dataDir.toAbsolutePath().resolve("postmaster.pid").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    return new PostmasterWatchdog(process);
  }

  long pid() {
    return process.pid();
  }

  /** The app stops the database itself: the watchdog goes first, so that it never signals a later process. */
  @Override
  public void close() {
    process.destroy();
  }
}
