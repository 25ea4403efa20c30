package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result: one line per figure with its value, unit and the N behind it. Progress goes
 * to stdout at once; the finished report is printed again as a whole and written to a file.
 */
final class BenchmarkReport {

  private static final String ROW = "  %-60s %28s  %s";

  private final List<String> lines = new ArrayList<>();

  void line(String text) {
    lines.add(text);
  }

  void section(String title) {
    lines.add("");
    lines.add(title);
  }

  void figure(String what, String value, String basis) {
    lines.add(String.format(Locale.ROOT, ROW, what, value, basis).stripTrailing());
  }

  void rate(String what, long count, Duration elapsed, String unit) {
    double perSecond = count / seconds(elapsed);
    // Below 100/s a whole number hides too much: 4.5 and 5.4 flows/s would both read 5.
    figure(what, String.format(Locale.ROOT, perSecond < 100 ? "%,.1f %s" : "%,.0f %s", perSecond, unit),
        String.format(Locale.ROOT, "N=%,d in %.1f s", count, seconds(elapsed)));
  }

  void latency(String what, Latencies latencies, boolean withP99) {
    figure(what, (withP99 ? latencies.p50p95p99() : latencies.p50p95()) + " ms",
        String.format(Locale.ROOT, "N=%,d", latencies.count()));
  }

  static void progress(String message) {
    System.out.println("[benchmark] " + message);
    System.out.flush();
  }

  static double seconds(Duration elapsed) {
    return elapsed.toNanos() / 1e9;
  }

  /** Prints the whole report and writes it to {@code file}. */
  void publish(Path file) throws IOException {
    String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
    System.out.println();
    System.out.print(text);
    System.out.flush();
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
