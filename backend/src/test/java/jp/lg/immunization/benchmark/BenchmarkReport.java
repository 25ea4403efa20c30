package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result: one line per figure with its value, unit and the N behind it. Progress goes
 * to stdout at once; the finished report is printed again as a whole and written to a file.
 */
final class BenchmarkReport {

  private static final String ROW = "  %-60s %28s  %s";
  private static final String GOAL_ROW = "  %-4s %-50s %-18s %-30s %s";

  private final List<String> lines = new ArrayList<>();
  private final List<String> goals = new ArrayList<>();
  /** Where the header ends: the goals are printed right after it, before the sections they summarise. */
  private int headerEnd = -1;

  void line(String text) {
    lines.add(text);
  }

  void section(String title) {
    if (headerEnd < 0) {
      headerEnd = lines.size();
    }
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

  /** Reports the latencies and hands them back, e.g. for {@link #latencyGoal}. */
  Latencies latency(String what, Latencies latencies, boolean withP99) {
    figure(what, (withP99 ? latencies.p50p95p99() : latencies.p50p95()) + " ms",
        String.format(Locale.ROOT, "N=%,d", latencies.count()));
    return latencies;
  }

  /**
   * One goal of the performance issue beside what this run measured and, where there is one, the same run's anchor
   * (Camunda's own API, a plain COPY): the anchor shows how much of a miss is the machine's.
   */
  void goal(String what, String goal, String measured, String anchor, boolean met) {
    goals.add(String.format(Locale.ROOT, GOAL_ROW, met ? "MET" : "MISS", what, goal, measured, anchor).stripTrailing());
  }

  /** A goal on a percentile of a latency: met when it is at most {@code atMostMillis}. */
  void latencyGoal(String what, int percentile, double atMostMillis, Latencies measured, String anchor) {
    double value = measured.percentileMillis(percentile);
    goal(what, String.format(Locale.ROOT, "p%d <= %.0f ms", percentile, atMostMillis),
        String.format(Locale.ROOT, "p%d %.1f ms", percentile, value), anchor, value <= atMostMillis);
  }

  /** A goal on a rate: met when {@code count} in {@code elapsed} is at least {@code atLeast} per second. */
  void rateGoal(String what, double atLeast, String unit, long count, Duration elapsed, String anchor) {
    double perSecond = count / seconds(elapsed);
    goal(what, String.format(Locale.ROOT, ">= %.0f %s", atLeast, unit),
        String.format(Locale.ROOT, "%.1f %s", perSecond, unit), anchor, perSecond >= atLeast);
  }

  static String rate(long count, Duration elapsed, String unit) {
    return String.format(Locale.ROOT, "%.1f %s", count / seconds(elapsed), unit);
  }

  static String p95(Latencies latencies) {
    return String.format(Locale.ROOT, "p95 %.1f ms", latencies.percentileMillis(95));
  }

  static void progress(String message) {
    // The time of day lines a profile or a server log up with the phase.
    System.out.println("[benchmark " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    System.out.flush();
  }

  static double seconds(Duration elapsed) {
    return elapsed.toNanos() / 1e9;
  }

  /** Prints the whole report and writes it to {@code file}. */
  void publish(Path file) throws IOException {
    List<String> all = new ArrayList<>(lines);
    if (!goals.isEmpty()) {
      List<String> summary = new ArrayList<>();
      summary.add("");
      summary.add("Goals (figures below; a line of a figure not run is missing)");
      summary.add(String.format(Locale.ROOT, GOAL_ROW, "", "What", "Goal", "This run", "Anchor in this run"));
      summary.addAll(goals);
      all.addAll(headerEnd < 0 ? all.size() : headerEnd, summary);
    }
    String text = String.join(System.lineSeparator(), all) + System.lineSeparator();
    System.out.println();
    System.out.print(text);
    System.out.flush();
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
