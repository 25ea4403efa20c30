package jp.lg.immunization.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Wall-clock latencies of repeated calls, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

  /** One call of a measured series; {@code index} runs on across the warm-up and the measured calls. */
  @FunctionalInterface
  interface Call {
    void run(int index) throws Exception;
  }

  private long[] nanos;
  private int count;

  private Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  /** Runs {@code warmUp} uncounted calls (JIT, caches, connection pools), then times {@code measured} calls. */
  static Latencies measure(int warmUp, int measured, Call call) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      call.run(i);
    }
    Latencies latencies = new Latencies(measured);
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      call.run(warmUp + i);
      latencies.add(System.nanoTime() - start);
    }
    return latencies;
  }

  /** One call of a client among several calling at once. */
  @FunctionalInterface
  interface ClientCall {
    void run(int client, int index) throws Exception;
  }

  /**
   * {@code clients} callers at once, each on a thread of its own, each running {@code warmUp} uncounted and then
   * {@code measured} timed calls: the latencies of all of them, as the server answers under that load.
   */
  static Latencies measureConcurrently(int clients, int warmUp, int measured, ClientCall call) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Latencies>> each = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int caller = client;
        each.add(callers.submit(() -> measure(warmUp, measured, index -> call.run(caller, index))));
      }
      Latencies all = new Latencies(clients * measured);
      for (Future<Latencies> latencies : each) {
        latencies.get().addAllTo(all);
      }
      return all;
    } finally {
      callers.shutdown();
    }
  }

  static Latencies empty(int capacity) {
    return new Latencies(capacity);
  }

  /** For a series whose length is not known in advance, such as polls. */
  static Latencies empty() {
    return new Latencies(16);
  }

  void add(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, Math.max(16, 2 * count));
    }
    nanos[count++] = elapsedNanos;
  }

  void addAllTo(Latencies all) {
    for (int i = 0; i < count; i++) {
      all.add(nanos[i]);
    }
  }

  int count() {
    return count;
  }

  double meanMillis() {
    return Arrays.stream(nanos, 0, count).average().orElseThrow() / 1_000_000.0;
  }

  double percentileMillis(double percentile) {
    if (count == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * count);
    return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
  }

  String p50p95() {
    return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f", percentileMillis(50), percentileMillis(95));
  }

  String p50p95p99() {
    return p50p95() + String.format(Locale.ROOT, " / p99 %.1f", percentileMillis(99));
  }
}
