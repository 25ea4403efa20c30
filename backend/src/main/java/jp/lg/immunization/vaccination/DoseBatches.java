package jp.lg.immunization.vaccination;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseType;
import jp.lg.immunization.workflow.OpenTasks.OpenTask;
import jp.lg.immunization.workflow.OpenTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batches of dose records from clinics: upload, the report of accepted and rejected lines, corrections of rejected
 * lines, and the batch as a case of the process DoseBatchRegistration (its status as the steps declare it, the
 * context beside its tasks). What the review and the approval record is in their step handlers. Nothing reaches
 * dose_record before the approval, and then everything at once (RegisterDoseBatch).
 */
@Component
@CaseProcesses(DoseBatches.PROCESS_KEY)
class DoseBatches implements CaseContextProvider, CaseType<DoseBatchStatus> {

  static final String PROCESS_KEY = "DoseBatchRegistration";
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  record Summary(long id, String fileName, String encoding, DoseBatchStatus status, String statusLabel, int rowCount,
                 int validatedRows, int acceptedRows, int rejectedRows, int excludedRows, String uploadedBy,
                 Instant uploadedAt, String approvedBy, Instant approvedAt, Instant registeredAt, OpenTask openTask) {

    Summary withOpenTask(OpenTask task) {
      return new Summary(id, fileName, encoding, status, statusLabel, rowCount, validatedRows, acceptedRows,
          rejectedRows, excludedRows, uploadedBy, uploadedAt, approvedBy, approvedAt, registeredAt, task);
    }
  }

  record Row(int line, String status, Map<String, String> items, List<DoseProblem> problems, String residentName) {}

  record Page<T>(List<T> items, long total) {}

  private static final String SUMMARY_SQL = """
      select b.id, b.file_name, b.encoding, b.status, b.row_count, b.validated_rows, b.uploaded_by, b.uploaded_at,
             b.approved_by, b.approved_at, b.registered_at,
             count(r.line) filter (where r.status = 'ACCEPTED') accepted,
             count(r.line) filter (where r.status = 'REJECTED') rejected,
             count(r.line) filter (where r.status = 'EXCLUDED') excluded
      from dose_batch b left join dose_batch_row r on r.batch_id = b.id
      """;

  private final JdbcTemplate jdbc;
  private final DoseStore store;
  private final DoseChecks checks;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final OpenTasks openTasks;
  private final DoseJson json;
  private final Clock clock;
  private final DoseBatchChangers changers;

  DoseBatches(JdbcTemplate jdbc, DoseStore store, DoseChecks checks, ResidentDirectory residents,
              CurrentUser currentUser, UserDirectory users, AuditTrail audit, RuntimeService runtime, OpenTasks openTasks,
              DoseJson json, Clock clock, DoseBatchChangers changers) {
    this.jdbc = jdbc;
    this.store = store;
    this.checks = checks;
    this.residents = residents;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.runtime = runtime;
    this.openTasks = openTasks;
    this.json = json;
    this.clock = clock;
    this.changers = changers;
  }

  /** Reads the header at once so that a wrong file is refused while the user waits; the lines are checked later. */
  @Transactional
  Summary upload(String fileName, byte[] content, DoseBatchFile.Encoding encoding) {
    if (content == null || content.length == 0) {
      throw ApiException.badRequest("empty_file", "ファイルが空です");
    }
    String hash = sha256(content);
    jdbc.queryForList("select id, status from dose_batch where file_sha256 = ? and status <> 'DISCARDED'", hash)
        .stream().findFirst().ifPresent(earlier -> {
          throw duplicate(((Number) earlier.get("id")).longValue(), DoseBatchStatus.valueOf((String) earlier.get("status")));
        });
    DoseBatchFile.Counted file = DoseBatchFile.count(content, encoding);
    String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
    String user = currentUser.get().username();
    long id;
    try {
      id = jdbc.queryForObject("""
          insert into dose_batch (file_name, file_sha256, encoding, content, status, row_count, uploaded_by, uploaded_at)
          values (?, ?, ?, ?, 'VALIDATING', ?, ?, ?) returning id""", Long.class,
          name.length() > 255 ? name.substring(0, 255) : name, hash, file.encoding().name(), content,
          file.lines(), user, Timestamp.from(Instant.now(clock)));
    } catch (DuplicateKeyException sameFileAtTheSameTime) {
      throw ApiException.conflict("duplicate_file", "同じファイルが同時に取り込まれました。一括登録の一覧を確認してください");
    }
    audit.record(AuditOperation.DOSE_BATCH_UPLOAD, null, "batch " + id + " rows " + file.lines());
    runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), Map.of(CaseStarter.STARTED_BY, user));
    return summary(id);
  }

  @Transactional(readOnly = true)
  Summary summary(long id) {
    return withOpenTasks(jdbc.query(SUMMARY_SQL + " where b.id = ? group by b.id", this::summaryRow, id)).stream()
        .findFirst().orElseThrow(() -> ApiException.notFound("一括登録が見つかりません"));
  }

  @Transactional(readOnly = true)
  Page<Summary> list(int page, int size) {
    long total = jdbc.queryForObject("select count(*) from dose_batch", Long.class);
    return new Page<>(withOpenTasks(jdbc.query(
        SUMMARY_SQL + " group by b.id order by b.uploaded_at desc, b.id desc limit ? offset ?", this::summaryRow, size,
        (long) page * size)), total);
  }

  /** The report of lines: each line shown names a resident, so each is an audited access (R04). */
  @Transactional
  Page<Row> rows(long id, String status, int page, int size) {
    summary(id);
    String filter = switch (status == null ? "ALL" : status) {
      case "ALL" -> "";
      case "ACCEPTED", "REJECTED", "EXCLUDED" -> " and status = '" + status + "'";
      default -> throw ApiException.badRequest("bad_status", "行の状態は ACCEPTED、REJECTED、EXCLUDED、ALL のいずれかです");
    };
    long total = jdbc.queryForObject("select count(*) from dose_batch_row where batch_id = ?" + filter, Long.class, id);
    List<StoredRow> stored = stored("batch_id = ?" + filter + " order by line limit ? offset ?", id, size,
        (long) page * size);
    audit.recordEach(AuditOperation.DOSE_BATCH_VIEW, stored.stream().map(StoredRow::residentId)
        .filter(Objects::nonNull).toList(), "batch " + id);
    List<Row> rows = named(stored);
    return new Page<>(rows, total);
  }

  /** A rejected line corrected in review, checked again against the records and the batch's other accepted lines. */
  @Transactional
  Row correctRow(long id, int line, Map<String, String> items, boolean warningsConfirmed) {
    lockForReview(id);
    changers.changing(id);
    DoseInput input = DoseInput.fromKeys(items);
    DoseBatchCheck check = checks.batch();
    jdbc.query("""
        select resident_id, items::text from dose_batch_row
        where batch_id = ? and status = 'ACCEPTED' and line <> ? and resident_id is not null""", rs -> {
      long residentId = rs.getLong(1);
      DoseInput other = DoseInput.fromKeys(json.items(rs.getString(2)));
      Vaccine.fromRecord(other.get(DoseItem.VACCINE)).ifPresent(vaccine -> JapaneseDates.parse(
          other.get(DoseItem.DOSE_DATE)).ifPresent(date -> check.alreadyAccepted(residentId,
          new DoseValidation.PriorDose(vaccine, other.get(DoseItem.VACCINE), other.get(DoseItem.DOSE_CATEGORY),
              date))));
    }, id, line);
    DoseBatchCheck.Result result = check.check(List.of(new DoseBatchCheck.Pending(line, input, true,
        warningsConfirmed))).get(0);
    int updated = jdbc.update("""
        update dose_batch_row set status = ?, items = ?::jsonb, problems = ?::jsonb, resident_id = ?,
               warnings_confirmed = ?, corrected_by = ?
        where batch_id = ? and line = ? and status <> 'EXCLUDED'""", result.accepted() ? "ACCEPTED" : "REJECTED",
        json.write(input.byKey()), json.write(result.problems()), result.checked().residentId(), warningsConfirmed,
        currentUser.get().username(), id, line);
    if (updated == 0) {
      throw ApiException.notFound("この行は見つからないか、除外されています");
    }
    audit.record(AuditOperation.DOSE_BATCH_ROW_CORRECT, result.checked().residentId(), "batch " + id + " line " + line);
    return row(id, line);
  }

  /** A line that should not be registered at all (e.g. a dose given to someone of another city). */
  @Transactional
  Row excludeRow(long id, int line) {
    lockForReview(id);
    changers.changing(id);
    if (jdbc.update("update dose_batch_row set status = 'EXCLUDED', corrected_by = ? where batch_id = ? and line = ?",
        currentUser.get().username(), id, line) == 0) {
      throw ApiException.notFound("この行は見つかりません");
    }
    audit.record(AuditOperation.DOSE_BATCH_ROW_CORRECT, null, "batch " + id + " line " + line + " excluded");
    return row(id, line);
  }

  /** Review may send a batch on only when no line is rejected and at least one line will be registered. */
  void requireReadyForApproval(long id) {
    Summary summary = summary(id);
    if (summary.rejectedRows() > 0) {
      throw ApiException.badRequest("rows_rejected", "エラーの行が" + summary.rejectedRows()
          + "行残っています。修正するか除外してから進めてください");
    }
    if (summary.acceptedRows() == 0) {
      throw ApiException.badRequest("nothing_to_register", "登録できる行がありません。取り消してください");
    }
  }

  void approve(long id) {
    jdbc.update("update dose_batch set approved_by = ?, approved_at = ? where id = ?", currentUser.get().username(),
        Timestamp.from(Instant.now(clock)), id);
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** A discarded batch also drops its file at once: it holds the clinics' data and will never be registered. */
  @Override
  public void enter(String businessKey, DoseBatchStatus status) {
    long id = Long.parseLong(businessKey);
    if (status == DoseBatchStatus.DISCARDED) {
      jdbc.update("""
          update dose_batch set status = 'DISCARDED', content = null, closed_at = ?, version = version + 1
          where id = ? and status <> 'DISCARDED'""", Timestamp.from(Instant.now(clock)), id);
    } else {
      jdbc.update("update dose_batch set status = ?, version = version + 1 where id = ? and status <> ?",
          status.name(), id, status.name());
    }
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    Summary batch = summary(Long.parseLong(businessKey));
    audit.record(AuditOperation.CASE_VIEW, null, "process=" + PROCESS_KEY + " case=" + batch.id());
    return new CaseContext("一括登録 #" + batch.id() + "（" + batch.statusLabel() + "）", List.of(
        new CaseContext.Section("ファイル", List.of(
            new CaseContext.Row("ファイル名", batch.fileName()),
            new CaseContext.Row("文字コード", DoseBatchFile.label(DoseBatchFile.Encoding.valueOf(batch.encoding()))),
            new CaseContext.Row("取込者", users.displayName(batch.uploadedBy())),
            new CaseContext.Row("取込日", JapaneseDates.format(batch.uploadedAt().atZone(JAPAN).toLocalDate())))),
        new CaseContext.Section("件数", List.of(
            new CaseContext.Row("全行", batch.rowCount() + "行"),
            new CaseContext.Row("登録する行", batch.acceptedRows() + "行"),
            new CaseContext.Row("エラーの行", batch.rejectedRows() + "行"),
            new CaseContext.Row("除外した行", batch.excludedRows() + "行"),
            new CaseContext.Row("行の確認と修正", "一括登録 #" + batch.id() + " の画面を開く",
                "/dose-batches/" + batch.id())))));
  }

  private void lockForReview(long id) {
    String status = jdbc.query("select status from dose_batch where id = ? for update",
        rs -> rs.next() ? rs.getString(1) : null, id);
    if (status == null) {
      throw ApiException.notFound("一括登録が見つかりません");
    }
    if (!DoseBatchStatus.REVIEW.name().equals(status)) {
      throw ApiException.conflict("not_in_review", "この一括登録は" + DoseBatchStatus.valueOf(status).label()
          + "のため、行を修正できません");
    }
  }

  private Row row(long id, int line) {
    return named(stored("batch_id = ? and line = ?", id, line)).get(0);
  }

  private record StoredRow(int line, String status, Map<String, String> items, List<DoseProblem> problems,
                           Long residentId) {}

  private List<StoredRow> stored(String condition, Object... args) {
    return jdbc.query("select line, status, items::text, problems::text, resident_id from dose_batch_row where "
        + condition, (rs, n) -> {
      long residentId = rs.getLong(5);
      return new StoredRow(rs.getInt(1), rs.getString(2), json.items(rs.getString(3)), json.problems(rs.getString(4)),
          rs.wasNull() ? null : residentId);
    }, args);
  }

  /** The residents' names of a page of lines, looked up in one query. */
  private List<Row> named(List<StoredRow> stored) {
    Set<String> numbers = stored.stream().filter(row -> row.residentId() != null)
        .map(row -> row.items().get(DoseItem.ADDRESSEE_NUMBER.key())).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, ResidentDirectory.ResidentRef> found = numbers.isEmpty() ? Map.of()
        : residents.byAddresseeNumbers(numbers);
    return stored.stream().map(row -> new Row(row.line(), row.status(), row.items(), row.problems(),
        row.residentId() == null ? null : Optional.ofNullable(found.get(row.items()
            .get(DoseItem.ADDRESSEE_NUMBER.key()))).map(ResidentDirectory.ResidentRef::nameKanji).orElse(null)))
        .toList();
  }

  private Summary summaryRow(ResultSet rs, int n) throws SQLException {
    DoseBatchStatus status = DoseBatchStatus.valueOf(rs.getString("status"));
    return new Summary(rs.getLong("id"), rs.getString("file_name"), rs.getString("encoding"), status, status.label(),
        rs.getInt("row_count"), rs.getInt("validated_rows"), rs.getInt("accepted"), rs.getInt("rejected"),
        rs.getInt("excluded"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"), rs.getString("approved_by"),
        instant(rs, "approved_at"), instant(rs, "registered_at"), null);
  }

  /** The step each batch waits on, for a link to it: asked of the task list for the whole page at once. */
  private List<Summary> withOpenTasks(List<Summary> batches) {
    Map<String, OpenTask> open = openTasks.byCase(PROCESS_KEY,
        batches.stream().map(batch -> String.valueOf(batch.id())).toList());
    return batches.stream().map(batch -> batch.withOpenTask(open.get(String.valueOf(batch.id())))).toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static ApiException duplicate(long id, DoseBatchStatus status) {
    return ApiException.conflict("duplicate_file", "同じファイルは一括登録 #" + id + "（" + status.label()
        + "）として取り込み済みです。二重に登録されることはありません");
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
