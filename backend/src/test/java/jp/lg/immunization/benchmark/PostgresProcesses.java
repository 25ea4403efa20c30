package jp.lg.immunization.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This run's PostgreSQL as Linux's /proc shows it, for the benchmark's CPU figures: its postmaster, found from the data
 * folder's postmaster.pid, the processes it started, and the fields of their /proc/PID/stat.
 */
final class PostgresProcesses {

  static final Path PROC = Path.of("/proc");
  /** Linux counts a process's CPU in /proc in clock ticks of 1/100 s (USER_HZ, on every architecture it runs on). */
  static final double TICKS_PER_SECOND = 100;

  private PostgresProcesses() {}

  static long postmaster(JdbcTemplate superuser) throws IOException {
    Path dataDirectory = Path.of(superuser.queryForObject("show data_directory", String.class));
    return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
  }

  /** The postmaster's children living now (backends and background processes). */
  static List<Path> children(long postmaster) {
    try (Stream<Path> processes = Files.list(PROC)) {
      return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(process -> parentOf(process) == postmaster).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The fields of /proc/PID/stat after the command, whose name may hold spaces and parentheses: [1] the parent's pid,
   * [11] utime, [12] stime, [13] cutime, [14] cstime (fields 4 and 14-17 of proc(5)); empty if the process is gone.
   */
  static String[] statFields(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    } catch (IOException gone) {
      return new String[0];
    }
  }

  /** utime + stime, and with {@code ofEndedChildren} cutime + cstime; 0 if the process is gone. */
  static long ticks(Path process, boolean ofEndedChildren) {
    String[] fields = statFields(process);
    if (fields.length < 15) {
      return 0;
    }
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ofEndedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
  }

  private static long parentOf(Path process) {
    String[] fields = statFields(process);
    return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
  }
}
