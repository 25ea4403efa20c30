package jp.lg.immunization.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figure 8: a clinic batch of 100,000 dose records through the whole registration (upload over HTTP, validation
 * job, approval by a second staff member, registration job), against a plain COPY of the same file into a bare
 * table of text columns: what the checks, the staging and the audit cost over moving the bytes.
 */
final class DoseBatchImport {

  static final int ROWS = 100_000;
  private static final int ANCHOR_LINES = 1_000_000;
  private static final String HEADER = "宛名番号,接種種別,接種区分,生年月日,性別,LotNo,接種量,接種_医療機関ID,接種_医師ID,"
      + "実施場所ID,接種年月日,請求月,予診区分,ワクチン会社,備考";
  private static final String[][] DOSES = {{"MR", "1期", "12", "3"}, {"水痘", "1回目", "12", "10"},
      {"BCG", "1回", "6", "0"}, {"B型肝炎", "1回目", "2", "5"}};
  private static final String[][] CLINICS = {{"1110101", "D1010101"}, {"1110102", "D1010201"},
      {"1110103", "D1010301"}, {"1110104", "D1010401"}, {"1110105", "D1010501"}};

  private final JdbcTemplate jdbc;
  /** The scratch table of the plain COPY is the schema owner's (the app's role creates no table). */
  private final JdbcTemplate owner;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ObjectMapper json;
  private final AuditTrail audit;
  /** Reads the database's own statistics of each job ({@link DatabaseWork}). */
  private final JdbcTemplate superuser;

  DoseBatchImport(JdbcTemplate jdbc, JdbcTemplate owner, JdbcTemplate superuser, DataSource dataSource,
                  TransactionTemplate transactions, RuntimeService runtime, ManagementService management,
                  ObjectMapper json, AuditTrail audit) {
    this.jdbc = jdbc;
    this.owner = owner;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.runtime = runtime;
    this.management = management;
    this.json = json;
    this.audit = audit;
    this.superuser = superuser;
  }

  void measure(BenchmarkReport report, ApiClient uploader, ApiClient approver) throws Exception {
    report.section(String.format(Locale.ROOT, "8. Dose batch of %,d rows (Shift_JIS CSV) vs plain COPY", ROWS));
    BenchmarkReport.progress("writing a " + ROWS + "-row clinic batch");
    String text = csv();
    byte[] file = text.getBytes(Charset.forName("windows-31j"));
    report.figure("File", String.format(Locale.ROOT, "%,.1f MB", file.length / 1e6), "Shift_JIS, 15 columns");

    BenchmarkReport.progress("uploading, validating, approving and registering the batch");
    long start = System.nanoTime();
    JsonNode batch = uploader.upload("/api/dose-batches", "benchmark-2026-10.csv", file,
        Map.of("encoding", "AUTO"), 201);
    Duration upload = since(start);
    report.rate("Upload (HTTP: checksum, header, file stored, process started)", ROWS, upload, "rows/s");
    String businessKey = batch.get("id").asText();
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey("DoseBatchRegistration")
        .processInstanceBusinessKey(businessKey).singleResult().getId();

    Duration validation = job(report, instance, "Validation job (every rule, staged with COPY, 2,000 per commit)");
    JsonNode validated = uploader.get("/api/dose-batches/" + businessKey);
    assertThat(validated.get("acceptedRows").asInt()).isEqualTo(ROWS);

    long approveStart = System.nanoTime();
    String task = jdbc.queryForObject("select id from task_view where process_instance_id = ? and status = 'OPEN'",
        String.class, instance);
    approver.post("/api/tasks/" + task + "/claim", null, 200);
    approver.post("/api/tasks/" + task + "/complete", Map.of("values", Map.of("decision", "APPROVE")), 204);
    Duration approval = since(approveStart);
    report.figure("Approval by a second staff member (claim + complete over HTTP)", String.format(Locale.ROOT,
        "%.2f s", BenchmarkReport.seconds(approval)), "");

    Duration registration = job(report, instance, "Registration job (re-check, COPY into dose_record, one commit)");
    Duration whole = upload.plus(validation).plus(approval).plus(registration);
    assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ?", Long.class,
        Long.parseLong(businessKey))).isEqualTo(ROWS);
    report.rate("Whole batch, upload to registered (the four phases above)", ROWS, whole, "rows/s");

    BenchmarkReport.progress("copying the same rows into a bare table");
    Duration copy = plainCopy(text);
    report.rate("Plain COPY of the same CSV into a bare 15-column text table", ROWS, copy, "rows/s");
    BenchmarkReport.progress("inserting the staged rows into dose_record by SQL alone");
    registrationSqlAlone(report, Long.parseLong(businessKey), copy);
    double slower = BenchmarkReport.seconds(whole) / BenchmarkReport.seconds(copy);
    report.figure("Whole batch / plain COPY", String.format(Locale.ROOT, "%.1f x slower", slower), "");
    report.goal("8. Dose batch of 100,000 lines, upload to registered", ">= 0.5x COPY",
        String.format(Locale.ROOT, "%.3fx COPY (%,.0f rows/s)", 1 / slower, ROWS / BenchmarkReport.seconds(whole)),
        String.format(Locale.ROOT, "COPY %,.0f rows/s", ROWS / BenchmarkReport.seconds(copy)), slower <= 2);
  }

  /**
   * Runs the instance's job and reports its rate, the app's CPU time (every thread of this JVM, so the parallel
   * checks count) and the database's own work, which do not grow with the machine's load as wall time does.
   */
  private Duration job(BenchmarkReport report, String instance, String what) throws InterruptedException {
    DatabaseWork work = DatabaseWork.start(superuser);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    runJob(instance);
    Duration took = since(start);
    long cpu = processCpuNanos() - cpuStart;
    report.rate(what, ROWS, took, "rows/s");
    report.figure("    CPU time of the app's JVM (all threads) per 1,000 lines", String.format(Locale.ROOT,
        "%.1f ms", cpu / 1e6 / (ROWS / 1_000.0)), "OperatingSystemMXBean.getProcessCpuTime");
    work.report(report, "1,000 lines", ROWS / 1_000);
    return took;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private String csv() {
    StringBuilder text = new StringBuilder(HEADER).append("\r\n");
    List<Map<String, Object>> residents = jdbc.queryForList("""
        select id, addressee_number, birth_date, sex from resident
        where birth_date <= current_date - interval '14 months' order by id limit ?""", ROWS);
    assertThat(residents).hasSize(ROWS);
    for (Map<String, Object> resident : residents) {
      long id = ((Number) resident.get("id")).longValue();
      String[] dose = DOSES[(int) (id % DOSES.length)];
      String[] clinic = CLINICS[(int) (id % CLINICS.length)];
      LocalDate birth = ((Date) resident.get("birth_date")).toLocalDate();
      LocalDate date = birth.plusMonths(Integer.parseInt(dose[2])).plusDays(Integer.parseInt(dose[3]));
      text.append(String.join(",", (String) resident.get("addressee_number"), dose[0], dose[1], birth.toString(),
          "MALE".equals(resident.get("sex")) ? "男" : "女", "LOT" + (id % 97), "0.5", clinic[0], clinic[1], "P01",
          date.toString(), String.format(Locale.ROOT, "%04d%02d", date.getYear(), date.getMonthValue()), "個別",
          "一般財団法人 阪大微生物病研究会", "\"予診票 No." + id + "\"")).append("\r\n");
    }
    return text.toString();
  }

  private Duration plainCopy(String text) {
    owner.execute("drop table if exists benchmark_plain_copy");
    owner.execute("create table benchmark_plain_copy (" + String.join(", ", IntStream.rangeClosed(1, 15)
        .mapToObj(i -> "c" + i + " text").toList()) + ")");
    long start = System.nanoTime();
    transactions.executeWithoutResult(status -> {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
            "copy benchmark_plain_copy from stdin with (format csv, header true)", new StringReader(text));
        assertThat(copied).isEqualTo(ROWS);
      } catch (Exception failed) {
        throw new IllegalStateException(failed);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    });
    Duration copy = since(start);
    owner.execute("drop table benchmark_plain_copy");
    return copy;
  }

  /**
   * The database's own work in a registration, without any check: the staged lines' items into dose_record (its
   * indexes, foreign keys and unique batch line) by one INSERT ... SELECT, with the batch's audit row, in one commit.
   * EXPLAIN (ANALYZE, BUFFERS, WAL) runs the insert and tells where its time goes. The rows go in under line numbers
   * past the file's and are deleted afterwards, outside the time.
   */
  private void registrationSqlAlone(BenchmarkReport report, long batchId, Duration copy) {
    long start = System.nanoTime();
    List<String> plan = transactions.execute(status -> {
      List<String> lines = jdbc.queryForList("""
          explain (analyze, buffers, wal, costs off)
          insert into dose_record (resident_id, vaccine, dose_category, birth_date, sex, lot_number, dose_volume_ml,
                                   institution_id, doctor_id, place_id, dose_date, billing_month, screening_category,
                                   vaccine_maker, remarks, source, registered_by, batch_id, batch_line)
          select r.resident_id, r.items->>'vaccine', r.items->>'doseCategory', (r.items->>'birthDate')::date,
                 case when r.items->>'sex' in ('男', 'MALE') then 'MALE' else 'FEMALE' end, r.items->>'lotNumber',
                 (r.items->>'doseVolumeMl')::numeric, r.items->>'institutionId', r.items->>'doctorId',
                 r.items->>'placeId', (r.items->>'doseDate')::date, r.items->>'billingMonth',
                 r.items->>'screeningCategory', r.items->>'vaccineMaker', r.items->>'remarks', 'BATCH', b.uploaded_by,
                 r.batch_id, r.line + ?
          from dose_batch_row r join dose_batch b on b.id = r.batch_id
          where r.batch_id = ? and r.status = 'ACCEPTED'""", String.class, ANCHOR_LINES, batchId);
      audit.record(AuditOperation.DOSE_BATCH_REGISTER, null, "benchmark anchor: batch " + batchId
          + " staged lines inserted by SQL alone, then deleted");
      return lines;
    });
    Duration took = since(start);
    assertThat(jdbc.queryForObject("select count(*) from dose_record where batch_id = ? and batch_line > ?",
        Long.class, batchId, ANCHOR_LINES)).isEqualTo(ROWS);
    owner.update("delete from dose_record where batch_id = ? and batch_line > ?", batchId, ANCHOR_LINES);
    report.rate("SQL alone: staged rows into dose_record (INSERT ... SELECT, audit row, commit)", ROWS, took,
        "rows/s");
    report.figure("    its share of the whole batch's time at 0.5x COPY", String.format(Locale.ROOT, "%.0f %%",
        100 * BenchmarkReport.seconds(took) / (2 * BenchmarkReport.seconds(copy))), "");
    report.line("    EXPLAIN (ANALYZE, BUFFERS, WAL) of the insert, its top node, triggers and total:");
    boolean insertNode = false;
    for (String line : plan) {
      String stripped = line.strip();
      insertNode = line.startsWith("Insert on")
          || insertNode && (stripped.startsWith("Buffers:") || stripped.startsWith("WAL:"));
      if (insertNode || line.startsWith("Trigger") || line.startsWith("Execution Time")) {
        report.line("      " + stripped);
      }
    }
  }

  private void runJob(String processInstanceId) {
    String job = management.createJobQuery().processInstanceId(processInstanceId).singleResult().getId();
    management.executeJob(job);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
