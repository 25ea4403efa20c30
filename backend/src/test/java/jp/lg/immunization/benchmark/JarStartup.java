package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged app as an operator would (demo profile, embedded database) and measures the time from
 * launching the JVM to the first HTTP 200 of GET /api/system, and when the start's phases ended, read off the
 * app's own log lines.
 */
final class JarStartup {

  /** The two ways the README starts the app. */
  enum Launch {
    JAR("java -jar immunization-office.jar"),
    FAST_START("README's fast start: extracted jar + class-data-sharing archive");

    final String label;

    Launch(String label) {
      this.label = label;
    }
  }

  /** The log line that ends each phase of a start, in the order they happen. */
  private static final Map<String, List<String>> PHASE_ENDS = phaseEnds();

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
  // Spring closes the embedded PostgreSQL on SIGTERM; give it time so the data dir is clean for a restart.
  private static final Duration STOP_GRACE = Duration.ofSeconds(90);

  record Start(Duration toFirstOk, Map<String, Duration> phases) {}

  private final Path jar;
  private final Path extractedJar;
  private final Path archive;

  /** {@code jar}: the packaged jar; the fast start's extracted jar and archive are in the folder of the same name. */
  JarStartup(Path jar) {
    this.jar = jar;
    Path extracted = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ""));
    this.extractedJar = extracted.resolve(jar.getFileName());
    this.archive = extracted.resolve("application.jsa");
  }

  boolean canFastStart() {
    return Files.isRegularFile(extractedJar) && Files.isRegularFile(archive);
  }

  /** Launches the app on {@code dataDir}, waits for the first 200, stops it again; the app's output goes to {@code log}. */
  Start timeToFirstOk(Launch launch, Path dataDir, Path log) throws IOException, InterruptedException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    if (launch == Launch.FAST_START) {
      command.addAll(List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-jar",
          extractedJar.toAbsolutePath().toString()));
    } else {
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    }
    command.addAll(List.of("--server.port=" + port,
        "--immunization.data-dir=" + dataDir.toAbsolutePath(),
        "--spring.profiles.active=demo",
        "--immunization.demo.residents=0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/system"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    Instant launched = Instant.now();
    long start = System.nanoTime();
    Process app = builder.start();
    try {
      while (true) {
        if (!app.isAlive()) {
          throw new IllegalStateException("the app exited with code " + app.exitValue() + " before answering; see " + log);
        }
        try {
          if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            Duration toFirstOk = Duration.ofNanos(System.nanoTime() - start);
            return new Start(toFirstOk, phases(log, launched));
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

  /** For each phase whose line the log has so far: how long after the launch it ended. */
  private static Map<String, Duration> phases(Path log, Instant launched) throws IOException {
    Map<String, Duration> phases = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      PHASE_ENDS.forEach((phase, markers) -> {
        if (!phases.containsKey(phase) && markers.stream().anyMatch(line::contains)) {
          timestamp(line).ifPresent(at -> phases.put(phase, Duration.between(launched, at)));
        }
      });
    }
    return phases;
  }

  private static Optional<Instant> timestamp(String line) {
    int end = line.indexOf(' ');
    try {
      return end < 0 ? Optional.empty() : Optional.of(OffsetDateTime.parse(line.substring(0, end)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Map<String, List<String>> phaseEnds() {
    Map<String, List<String>> ends = new LinkedHashMap<>();
    ends.put("JVM up, Spring starting", List.of("Starting ImmunizationOfficeApplication"));
    ends.put("embedded PostgreSQL running", List.of("Embedded PostgreSQL (process"));
    ends.put("app's migrations applied or checked", List.of("Successfully applied", "No migration necessary"));
    ends.put("process engine created", List.of("ENGINE-00001"));
    ends.put("web server listening", List.of("Tomcat started on port"));
    ends.put("context refreshed (Started ...)", List.of("Started ImmunizationOfficeApplication"));
    return ends;
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
