package jp.lg.immunization.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One node of the app: the packaged jar in a JVM of its own, killed with SIGKILL or stopped with SIGTERM. */
final class AppNode {

  private final String name;
  private final Path jar;
  private final Path dataDir;
  private final int port;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  AppNode(String name, Path jar, Path dataDir, int port, List<String> arguments) {
    this.name = name;
    this.jar = jar;
    this.dataDir = dataDir;
    this.port = port;
    this.arguments = arguments;
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the JVM and returns the time until /readyz first answered 200. */
  Duration start() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-XX:TieredStopAtLevel=1"));
    Path classArchive = jar.resolveSibling("application.jsa");
    if (Files.exists(classArchive)) {
      command.add("-XX:SharedArchiveFile=" + classArchive.toAbsolutePath());
    }
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port, "--immunization.data-dir=" + dataDir.toAbsolutePath()));
    command.addAll(arguments);
    Instant started = Instant.now();
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()))
        .start();
    awaitReady(Duration.ofMinutes(5));
    return Duration.between(started, Instant.now());
  }

  void awaitReady(Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " (see " + dataDir.resolve(
            "node.log") + ")");
      }
      if (ready()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready within " + limit);
  }

  boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz")).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: graceful shutdown; returns how long it took. */
  Duration stop() throws InterruptedException {
    Instant asked = Instant.now();
    process.destroy();
    process.waitFor();
    return Duration.between(asked, Instant.now());
  }

  void killIfAlive() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
