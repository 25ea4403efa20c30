package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU time a measured phase took: the test JVM's (the app's server and engine, and the benchmark's own clients
 * where there are any) and PostgreSQL's (its postmaster and every process under it). Unlike wall-clock figures it
 * hardly moves with what else runs on the machine, and it bounds the phase's rate there: with every core busy for
 * it and nothing else, a machine of {@code cores} cores does at most {@code cores} seconds of CPU a second.
 */
final class CpuWork {

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
    return new CpuWork(PostgresProcesses.postmaster(superuser));
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
    long ticks = PostgresProcesses.ticks(PostgresProcesses.PROC.resolve(Long.toString(postmaster)), true)
        + PostgresProcesses.children(postmaster).stream()
            .mapToLong(process -> PostgresProcesses.ticks(process, false)).sum();
    return (long) (ticks * 1e9 / PostgresProcesses.TICKS_PER_SECOND);
  }
}
