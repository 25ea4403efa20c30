package jp.lg.immunization.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the machine's time went while clients ran at once, counted by Linux and the JVM rather than by the wall clock,
 * so that it can be read through other processes' load: the CPU of each kind of thread of this JVM (the server's
 * request threads, the benchmark's own clients, GC, JIT) and of this run's PostgreSQL, the time their runnable threads
 * waited for a core (schedstat), the machine's busy share, GC pauses, stalls that stop every thread, the waits for a
 * pooled connection, and the calls of the phase that overlapped a GC pause.
 */
final class MachineTime {

  /** A stall of the whole JVM: the stall sleeper, woken every millisecond, woke this much later. */
  private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** Kinds of threads and processes, each reported as CPU and run-queue wait per call. */
  enum Kind {
    SERVER("server request threads (http-nio)"),
    CLIENTS("the benchmark's clients in the same JVM (callers, HttpClient)"),
    GC("JVM garbage collection threads"),
    JIT("JVM JIT compiler threads"),
    JVM_OTHER("other JVM threads (schedulers, Hikari, VM)"),
    DB_BACKENDS("PostgreSQL backends (the app's connections)"),
    DB_BACKGROUND("PostgreSQL background (WAL writer, checkpointer, autovacuum)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private record Sample(long runNanos, long waitNanos) {}

  private record Snapshot(long nanoTime, long jvmTicks, long postmasterTicks, long[] machine,
                          Map<String, Sample> threads, Map<String, Kind> kinds) {}

  /** A GC pause: when it started (nanoTime scale) and how long it took. */
  private record Pause(long startNanos, long nanos, String cause) {}

  private final JdbcTemplate superuser;
  private final MeterRegistry meters;
  private final long postmaster;
  private final Snapshot before;
  private final long gcCountBefore;
  private final long gcMillisBefore;
  private final long acquiresBefore;
  private final double acquireMillisBefore;
  private final List<Pause> pauses = new ArrayList<>();
  private final List<long[]> slowCalls = new ArrayList<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener gcListener = this::gcNotification;
  private final Thread stallSleeper;
  private final long[] stalls = new long[3];
  private volatile boolean running = true;

  private MachineTime(JdbcTemplate superuser, MeterRegistry meters) throws IOException {
    this.superuser = superuser;
    this.meters = meters;
    this.postmaster = PostgresProcesses.postmaster(superuser);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
        emitters.add(emitter);
      }
    }
    this.gcCountBefore = gcCount();
    this.gcMillisBefore = gcMillis();
    Timer acquire = acquireTimer();
    this.acquiresBefore = acquire == null ? 0 : acquire.count();
    this.acquireMillisBefore = acquire == null ? 0 : acquire.totalTime(TimeUnit.MILLISECONDS);
    this.stallSleeper = new Thread(this::sleepAndMeasureStalls, "stall-sleeper");
    stallSleeper.setDaemon(true);
    this.before = snapshot();
    stallSleeper.start();
  }

  static MachineTime start(JdbcTemplate superuser, MeterRegistry meters) throws IOException {
    return new MachineTime(superuser, meters);
  }

  /** A call of the phase that took at least the goal's tail: kept to see whether it overlapped a GC pause. */
  synchronized void call(long startNanos, long endNanos, long slowNanos) {
    if (endNanos - startNanos >= slowNanos) {
      slowCalls.add(new long[] {startNanos, endNanos});
    }
  }

  /** Stops counting and reports per call of the phase; {@code meanMillis} is the phase's mean wall-clock latency. */
  void report(BenchmarkReport report, int calls, int clients, double meanMillis) throws Exception {
    Snapshot after = snapshot();
    running = false;
    stallSleeper.join();
    for (NotificationEmitter emitter : emitters) {
      emitter.removeNotificationListener(gcListener);
    }
    double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    report.line(String.format(Locale.ROOT,
        "  Where the time of these %,d calls went (%.1f s, %.0f calls/s; Linux schedstat and /proc, per call):",
        calls, seconds, calls / seconds));
    Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      byKind.put(kind, new long[2]);
    }
    after.threads().forEach((id, sample) -> {
      Sample earlier = before.threads().getOrDefault(id, new Sample(0, 0));
      long[] sums = byKind.get(after.kinds().get(id));
      sums[0] += sample.runNanos() - earlier.runNanos();
      sums[1] += sample.waitNanos() - earlier.waitNanos();
    });
    double jvmMillis = (after.jvmTicks() - before.jvmTicks()) / PostgresProcesses.TICKS_PER_SECOND * 1000;
    double exitedDbMillis = (after.postmasterTicks() - before.postmasterTicks()) / PostgresProcesses.TICKS_PER_SECOND * 1000;
    double ownMillis = 0;
    for (Kind kind : Kind.values()) {
      long[] sums = byKind.get(kind);
      double cpu = sums[0] / 1e6 + (kind == Kind.DB_BACKGROUND ? exitedDbMillis : 0);
      ownMillis += cpu;
      report.figure("    CPU, " + kind.label, String.format(Locale.ROOT, "%.3f ms", cpu / calls),
          String.format(Locale.ROOT, "waited for a core %.3f ms", sums[1] / 1e6 / calls));
    }
    double threadsMillis = Stream.of(Kind.SERVER, Kind.CLIENTS, Kind.GC, Kind.JIT, Kind.JVM_OTHER)
        .mapToDouble(kind -> byKind.get(kind)[0] / 1e6).sum();
    report.figure("    CPU of JVM threads gone during the phase", String.format(Locale.ROOT, "%.3f ms",
        Math.max(0, jvmMillis - threadsMillis) / calls), "process ticks minus live threads");
    long busy = busy(after.machine()) - busy(before.machine());
    long total = Stream.of(after.machine(), before.machine()).mapToLong(MachineTime::total).reduce((a, b) -> a - b)
        .orElseThrow();
    double machineMillis = busy / PostgresProcesses.TICKS_PER_SECOND * 1000;
    report.figure("    CPU, other processes on the machine", String.format(Locale.ROOT, "%.3f ms",
        Math.max(0, machineMillis - ownMillis) / calls), "machine busy minus the two above");
    report.figure("    the machine's cores busy", String.format(Locale.ROOT, "%.0f %%", 100.0 * busy / total),
        String.format(Locale.ROOT, "%d cores; this run's share %.0f %%", cores,
            100 * ownMillis / (seconds * 1000 * cores)));
    double serverAndDb = (byKind.get(Kind.SERVER)[0] + byKind.get(Kind.DB_BACKENDS)[0]) / 1e6 / calls;
    double demand = ownMillis / calls;
    report.figure("    queueing alone: clients x this run's CPU per call / cores", String.format(Locale.ROOT,
        "%.1f ms", clients * demand / cores), String.format(Locale.ROOT,
        "mean measured %.1f ms; app alone (server + backends) %.3f ms CPU per call", meanMillis, serverAndDb));
    Timer acquire = acquireTimer();
    if (acquire != null) {
      long acquires = acquire.count() - acquiresBefore;
      report.figure("    pooled connections taken per call, mean wait", String.format(Locale.ROOT, "%.2f, %.3f ms",
          acquires / (double) calls, acquires == 0 ? 0
              : (acquire.totalTime(TimeUnit.MILLISECONDS) - acquireMillisBefore) / acquires),
          String.format(Locale.ROOT, "Hikari; longest in the last minutes %.1f ms", acquire.max(TimeUnit.MILLISECONDS)));
    }
    List<Pause> seen;
    synchronized (this) {
      seen = List.copyOf(pauses);
    }
    long pauseNanos = seen.stream().mapToLong(Pause::nanos).sum();
    report.figure("    GC pauses during the phase", String.format(Locale.ROOT, "%d, %.1f ms in all",
        gcCount() - gcCountBefore, (double) (gcMillis() - gcMillisBefore)), String.format(Locale.ROOT,
        "longest %.1f ms, one every %.2f s", seen.stream().mapToLong(Pause::nanos).max().orElse(0) / 1e6,
        seen.isEmpty() ? 0 : seconds / seen.size()));
    report.figure("    stalls of the whole JVM over 5 ms (a 1 ms sleeper late)", String.format(Locale.ROOT,
        "%d, %.1f ms in all", stalls[0], stalls[1] / 1e6), String.format(Locale.ROOT, "longest %.1f ms",
        stalls[2] / 1e6));
    long overlapping;
    int slow;
    synchronized (this) {
      slow = slowCalls.size();
      overlapping = slowCalls.stream().filter(call -> seen.stream().anyMatch(
          pause -> pause.startNanos() < call[1] && pause.startNanos() + pause.nanos() > call[0])).count();
    }
    report.figure("    calls over 50 ms, of them overlapping a GC pause", String.format(Locale.ROOT, "%d, %d", slow,
        overlapping), String.format(Locale.ROOT, "GC pauses %.1f %% of the phase's wall time",
        100 * pauseNanos / 1e9 / seconds));
    superuser.query("""
        select relname, autovacuum_count + autoanalyze_count from pg_stat_user_tables
        where last_autovacuum > now() - make_interval(secs => ?) or last_autoanalyze > now() - make_interval(secs => ?)
        order by relname""", rs -> {
      report.figure("    autovacuum or autoanalyze during the phase", rs.getString(1), "");
    }, seconds + 2, seconds + 2);
  }

  private Timer acquireTimer() {
    return meters.find("hikaricp.connections.acquire").timer();
  }

  private void sleepAndMeasureStalls() {
    long last = System.nanoTime();
    while (running) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      long late = now - last - TimeUnit.MILLISECONDS.toNanos(1);
      if (late > STALL_NANOS) {
        stalls[0]++;
        stalls[1] += late;
        stalls[2] = Math.max(stalls[2], late);
      }
      last = now;
    }
  }

  private void gcNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
        (CompositeData) notification.getUserData());
    if (!info.getGcAction().contains("end of minor") && !info.getGcAction().contains("end of major")) {
      return;
    }
    // GC info times are milliseconds since the JVM started: on the nanoTime scale through the uptime now.
    long uptimeNowMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    long startNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(uptimeNowMillis - info.getGcInfo().getStartTime());
    synchronized (this) {
      pauses.add(new Pause(startNanos, TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getDuration()),
          info.getGcCause()));
    }
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent")).mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent")).mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private Snapshot snapshot() throws IOException {
    Map<String, Sample> threads = new HashMap<>();
    Map<String, Kind> kinds = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        Sample sample = schedstat(task);
        if (sample != null) {
          String id = "jvm-" + task.getFileName();
          threads.put(id, sample);
          kinds.put(id, jvmKind(read(task.resolve("comm")).strip()));
        }
      }
    }
    for (Path process : PostgresProcesses.children(postmaster)) {
      Sample sample = schedstat(process);
      String command = read(process.resolve("cmdline")).replace('\0', ' ');
      if (sample != null && !command.isEmpty()) {
        String id = "pg-" + process.getFileName();
        threads.put(id, sample);
        kinds.put(id, command.contains("autovacuum") || command.contains("writer") || command.contains("checkpointer")
            || command.contains("launcher") ? Kind.DB_BACKGROUND : Kind.DB_BACKENDS);
      }
    }
    long postmasterTicks = PostgresProcesses.ticks(PostgresProcesses.PROC.resolve(Long.toString(postmaster)), true);
    String[] cpu = Files.readAllLines(PostgresProcesses.PROC.resolve("stat")).get(0).trim().split("\\s+");
    long[] machine = new long[cpu.length - 1];
    for (int i = 1; i < cpu.length; i++) {
      machine[i - 1] = Long.parseLong(cpu[i]);
    }
    return new Snapshot(System.nanoTime(), PostgresProcesses.ticks(Path.of("/proc/self"), false), postmasterTicks,
        machine, threads, kinds);
  }

  private static Kind jvmKind(String name) {
    if (name.startsWith("http-nio")) {
      return Kind.SERVER;
    }
    if (name.startsWith("pool-") || name.startsWith("HttpClient")) {
      return Kind.CLIENTS;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return Kind.GC;
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return Kind.JIT;
    }
    return Kind.JVM_OTHER;
  }

  /** user, nice, system, idle, iowait, irq, softirq, steal ... of the first line of /proc/stat. */
  private static long busy(long[] machine) {
    return total(machine) - machine[3] - machine[4];
  }

  private static long total(long[] machine) {
    long sum = 0;
    for (int i = 0; i < Math.min(8, machine.length); i++) {
      sum += machine[i];
    }
    return sum;
  }

  private static Sample schedstat(Path task) {
    String[] fields = read(task.resolve("schedstat")).trim().split("\\s+");
    return fields.length < 2 ? null : new Sample(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException gone) {
      // A thread or process that ended between the listing and the read.
      return "";
    }
  }
}
