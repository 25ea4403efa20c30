package jp.lg.immunization.benchmark;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database did for a measured phase, counted by PostgreSQL itself and so independent of the machine's load:
 * commits, WAL flushes (each an fsync on this durable database), statements (BEGIN and COMMIT included, each about a
 * round trip) and the statements that took the most time. The embedded database preloads pg_stat_statements; the
 * counts are those of every role but the superuser that reads them.
 */
final class DatabaseWork {

  private static final int HOT_STATEMENTS = 8;
  private static final int STATEMENT_TEXT = 110;
  /** Backends hand their counters to the statistics at most once a second, and once they have been idle as long. */
  private static final long STATISTICS_FLUSH_MILLIS = 2_000;

  private record Counters(long commits, long walSyncs) {}

  private final JdbcTemplate superuser;
  private final Counters before;

  private DatabaseWork(JdbcTemplate superuser, Counters before) {
    this.superuser = superuser;
    this.before = before;
  }

  /** Starts counting now (the statement statistics start afresh). */
  static DatabaseWork start(JdbcTemplate superuser) throws InterruptedException {
    superuser.execute("create extension if not exists pg_stat_statements");
    Thread.sleep(STATISTICS_FLUSH_MILLIS);
    superuser.query("select pg_stat_statements_reset()", rs -> null);
    return new DatabaseWork(superuser, counters(superuser));
  }

  /** Reports the work per {@code unit} (e.g. per completion), over {@code units} of them. */
  void report(BenchmarkReport report, String unit, int units) throws InterruptedException {
    Thread.sleep(STATISTICS_FLUSH_MILLIS);
    Counters after = counters(superuser);
    long statements = superuser.queryForObject("""
        select coalesce(sum(calls), 0) from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and userid <> (select oid from pg_roles where rolname = current_user)""", Long.class);
    String basis = String.format(Locale.ROOT, "N=%,d", units);
    report.figure("    commits per " + unit, perUnit(after.commits() - before.commits(), units), basis);
    report.figure("    WAL flushes (fsync) per " + unit, perUnit(after.walSyncs() - before.walSyncs(), units), basis);
    report.figure("    statements per " + unit + " (BEGIN, COMMIT included)", perUnit(statements, units), basis);
    double total = superuser.queryForObject("""
        select coalesce(sum(total_exec_time), 0) from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and userid <> (select oid from pg_roles where rolname = current_user)""", Double.class);
    report.figure("    database execution time per " + unit, String.format(Locale.ROOT, "%.2f ms", total / units),
        "pg_stat_statements, without network and commit waits");
    report.line("    statements taking the most database time:");
    superuser.query("""
        select calls, mean_exec_time, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and userid <> (select oid from pg_roles where rolname = current_user)
        order by total_exec_time desc limit ?""", rs -> {
      report.line(String.format(Locale.ROOT, "      %5.2f per %s, %6.3f ms each, %4.1f%%  %s",
          rs.getLong(1) / (double) units, unit, rs.getDouble(2), total == 0 ? 0 : 100 * rs.getDouble(3) / total,
          abbreviate(rs.getString(4))));
    }, HOT_STATEMENTS);
  }

  private static Counters counters(JdbcTemplate superuser) {
    return superuser.queryForObject("""
        select (select xact_commit from pg_stat_database where datname = current_database()),
               (select wal_sync from pg_stat_wal)""",
        (rs, n) -> new Counters(rs.getLong(1), rs.getLong(2)));
  }

  private static String perUnit(long count, int units) {
    return String.format(Locale.ROOT, "%.2f", count / (double) units);
  }

  private static String abbreviate(String query) {
    return query.length() <= STATEMENT_TEXT ? query : query.substring(0, STATEMENT_TEXT - 1) + "…";
  }
}
