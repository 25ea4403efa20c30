package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU time a measured phase took: the test JVM's (the app's server and engine, and the benchmark's own clients
 * where there are any) and PostgreSQL's (its postmaster and every process under it). Unlike wall-clock figures it
 * hardly moves with what else runs on the machine, and it bounds the phase's rate there: with every core busy for
 * it and nothing else, a machine of {@code cores} cores does at most {@code cores} seconds of CPU a second.
 */
final class CpuWork {

  /** Linux counts a process's CPU in /proc in clock ticks of 1/100 s (USER_HZ, on every architecture it runs on). */
  private static final double NANOS_PER_TICK = 1e9 / 100;

  private final long postmaster;
  private final long jvmStart;
  private final long postgresStart;

  private CpuWork(long postmaster) {
    this.postmaster = postmaster;
    this.jvmStart = jvmNanos();
    this.postgresStart = postgresNanos(postmaster);
  }

  /** Starts counting now; the database's processes are found from its data folder's postmaster.pid. */
  static CpuWork start(JdbcTemplate superuser) throws IOException {
    Path dataDirectory = Path.of(superuser.queryForObject("show data_directory", String.class));
    return new CpuWork(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim()));
  }

  /** Reports the CPU per {@code unit} over {@code units} of them, and the rate the machine's cores allow at most. */
  void report(BenchmarkReport report, String unit, int units) {
    double jvm = (jvmNanos() - jvmStart) / 1e6 / units;
    double postgres = (postgresNanos(postmaster) - postgresStart) / 1e6 / units;
    int cores = Runtime.getRuntime().availableProcessors();
    report.figure("    CPU of the test JVM per " + unit, String.format(Locale.ROOT, "%.1f ms", jvm),
        "app server and engine, and the benchmark's clients");
    report.figure("    CPU of PostgreSQL per " + unit, String.format(Locale.ROOT, "%.1f ms", postgres),
        "its processes, /proc");
    report.figure(String.format(Locale.ROOT, "    at most, with %d cores busy for nothing else", cores),
        String.format(Locale.ROOT, "%.1f %ss/s", cores * 1_000 / (jvm + postgres), unit), "");
  }

  private static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The postmaster's own CPU and that of its children that have ended (cutime, cstime), and that of each living child:
   * a backend that ends during the phase moves from the second sum to the first.
   */
  private static long postgresNanos(long postmaster) {
    long ticks = ticks(Path.of("/proc", String.valueOf(postmaster), "stat"), true);
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      ticks += processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(path -> path.resolve("stat"))
          .filter(stat -> parentOf(stat) == postmaster)
          .mapToLong(stat -> ticks(stat, false)).sum();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return (long) (ticks * NANOS_PER_TICK);
  }

  /** The fields of /proc/PID/stat after the command, whose name may hold spaces and parentheses; empty if gone. */
  private static String[] fields(Path stat) {
    try {
      String line = Files.readString(stat);
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException gone) {
      return new String[0];
    }
  }

  private static long parentOf(Path stat) {
    String[] fields = fields(stat);
    return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
  }

  /** utime + stime (fields 14 and 15 of stat), and with {@code ofEndedChildren} cutime + cstime (16 and 17). */
  private static long ticks(Path stat, boolean ofEndedChildren) {
    String[] fields = fields(stat);
    if (fields.length < 15) {
      return 0;
    }
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ofEndedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
  }
}
