package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged app as an operator would (java -jar, demo profile, embedded database) and
 * measures the time from launching the JVM to the first HTTP 200 of GET /api/system.
 */
final class JarStartup {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
  // Spring closes the embedded PostgreSQL on SIGTERM; give it time so the data dir is clean for a restart.
  private static final Duration STOP_GRACE = Duration.ofSeconds(90);

  private final Path jar;

  JarStartup(Path jar) {
    this.jar = jar;
  }

  /** Launches the jar on {@code dataDir}, waits for the first 200, stops it again; the app's output goes to {@code log}. */
  Duration timeToFirstOk(Path dataDir, Path log) throws IOException, InterruptedException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--immunization.data-dir=" + dataDir.toAbsolutePath(),
        "--spring.profiles.active=demo",
        "--immunization.demo.residents=0")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/system"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    long start = System.nanoTime();
    Process app = builder.start();
    try {
      while (true) {
        if (!app.isAlive()) {
          throw new IllegalStateException("the app exited with code " + app.exitValue() + " before answering; see " + log);
        }
        try {
          if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return Duration.ofNanos(System.nanoTime() - start);
          }
        } catch (IOException e) {
          // Not listening yet (connection refused), or accepting but not answering yet: poll again.
        }
        if (System.nanoTime() - start > GIVE_UP_AFTER.toNanos()) {
          throw new IllegalStateException("no HTTP 200 within " + GIVE_UP_AFTER + "; see " + log);
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    } finally {
      stop(app);
    }
  }

  private static void stop(Process app) throws InterruptedException {
    List<ProcessHandle> children = app.descendants().toList();
    app.destroy();
    if (!app.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor();
    }
    // Only matters when the app was killed before it could stop its own child processes.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
