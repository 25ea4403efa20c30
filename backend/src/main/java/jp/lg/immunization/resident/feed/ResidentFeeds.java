package jp.lg.immunization.resident.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseType;
import jp.lg.immunization.workflow.OpenTasks;
import jp.lg.immunization.workflow.OpenTasks.OpenTask;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of the resident register feed as cases of ResidentFeedImport: receiving a file (from staff who take it off
 * the 庁内連携 share, or from the simulator), its progress and lines, and the status its steps declare. A file is
 * refused at once when it was received before (by its SHA-256) or its header is wrong; its lines are checked by the
 * process's job.
 */
@Component
@CaseProcesses({ResidentFeeds.PROCESS_KEY, ResidentFeeds.RECONCILIATION_KEY})
class ResidentFeeds implements CaseContextProvider, CaseType<FeedStatus> {

  static final String PROCESS_KEY = "ResidentFeedImport";
  static final String RECONCILIATION_KEY = "ResidentReconciliation";

  /** What a file is for: changes to apply, or a full extract to compare with the register. */
  enum Purpose {
    IMPORT(PROCESS_KEY), RECONCILE(RECONCILIATION_KEY);

    private final String processKey;

    Purpose(String processKey) {
      this.processKey = processKey;
    }
  }
  static final String DEFAULT_SOURCE = "住民記録システム";

  record Summary(long id, Purpose purpose, String sourceSystem, String fileName, String encoding, FeedStatus status,
                 String statusLabel, int lineCount, int checkedLines, int acceptedLines, int rejectedLines,
                 Integer appliedLines, Integer repeatedLines, Integer supersededLines, String receivedBy,
                 Instant receivedAt, Instant appliedAt, String reviewedBy, String reviewNote, OpenTask openTask) {

    Summary withOpenTask(OpenTask task) {
      return new Summary(id, purpose, sourceSystem, fileName, encoding, status, statusLabel, lineCount, checkedLines,
          acceptedLines, rejectedLines, appliedLines, repeatedLines, supersededLines, receivedBy, receivedAt,
          appliedAt, reviewedBy, reviewNote, task);
    }
  }

  record Line(int line, String status, Map<String, String> items, List<FeedProblem> problems) {}

  record Page<T>(List<T> items, long total) {}

  private static final String SUMMARY_SQL = """
      select f.*, coalesce(p.checked_lines, 0) checked_lines,
             count(l.line) filter (where l.status = 'ACCEPTED') accepted,
             count(l.line) filter (where l.status = 'REJECTED') rejected
      from resident_feed_file f left join resident_feed_progress p on p.file_id = f.id
        left join resident_feed_line l on l.file_id = f.id
      """;

  private final JdbcTemplate jdbc;
  private final FeedJson json;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final OpenTasks openTasks;
  private final Clock clock;

  ResidentFeeds(JdbcTemplate jdbc, FeedJson json, AuditTrail audit, RuntimeService runtime, OpenTasks openTasks,
                Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.audit = audit;
    this.runtime = runtime;
    this.openTasks = openTasks;
    this.clock = clock;
  }

  /**
   * Takes a delivered file: refuses a file received before and a file whose header is wrong, at once and changing
   * nothing; otherwise keeps it and starts its checks.
   */
  @Transactional
  Summary receive(Purpose purpose, String sourceSystem, String fileName, byte[] content, CsvInput.Encoding encoding,
                  String receivedBy) {
    if (content == null || content.length == 0) {
      throw ApiException.badRequest("empty_file", "ファイルが空です");
    }
    String source = sourceSystem == null || sourceSystem.isBlank() ? DEFAULT_SOURCE : sourceSystem.strip();
    if (source.length() > 64) {
      throw ApiException.invalid("送信元システム名が長すぎます", Map.of("sourceSystem", "64文字までです"));
    }
    String hash = sha256(content);
    jdbc.queryForList("select id from resident_feed_file where file_sha256 = ?", Long.class, hash).stream()
        .findFirst().ifPresent(earlier -> {
          throw duplicate(earlier);
        });
    FeedFile.Parsed parsed = FeedFile.read(content, encoding);
    String name = fileName == null || fileName.isBlank() ? "feed.csv" : fileName.strip();
    long id;
    try {
      id = jdbc.queryForObject("""
          insert into resident_feed_file (purpose, source_system, file_name, file_sha256, encoding, content, status,
                                          line_count, received_by, received_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, purpose.name(), source,
          name.length() > 255 ? name.substring(0, 255) : name, hash, parsed.encoding().name(), content,
          purpose == Purpose.IMPORT ? FeedStatus.CHECKING.name() : FeedStatus.COMPARING.name(), parsed.lines().size(),
          receivedBy, Timestamp.from(Instant.now(clock)));
    } catch (DuplicateKeyException sameFileAtTheSameTime) {
      throw ApiException.conflict("duplicate_file", "同じファイルが同時に取り込まれました。住民記録の取込の一覧を確認してください");
    }
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "received file " + id + " from " + source + " lines "
        + parsed.lines().size());
    runtime.startProcessInstanceByKey(purpose.processKey, String.valueOf(id),
        Map.of(CaseStarter.STARTED_BY, receivedBy));
    return summary(id);
  }

  @Transactional(readOnly = true)
  Summary summary(long id) {
    return jdbc.query(SUMMARY_SQL + " where f.id = ? group by f.id, p.checked_lines", this::summaryRow, id).stream()
        .findFirst()
        .map(this::withOpenTask).orElseThrow(() -> ApiException.notFound("住民記録のファイルが見つかりません"));
  }

  @Transactional(readOnly = true)
  Page<Summary> list(int page, int size) {
    long total = jdbc.queryForObject("select count(*) from resident_feed_file", Long.class);
    return new Page<>(jdbc.query(SUMMARY_SQL
        + " group by f.id, p.checked_lines order by f.received_at desc, f.id desc limit ? offset ?", this::summaryRow,
        size,
        (long) page * size).stream().map(this::withOpenTask).toList(), total);
  }

  /** The checked lines: each names a resident, so listing them is an audited access (R04) of the file. */
  @Transactional
  Page<Line> lines(long id, String status, int page, int size) {
    summary(id);
    String filter = switch (status == null ? "ALL" : status) {
      case "ALL" -> "";
      case "ACCEPTED", "REJECTED" -> " and status = '" + status + "'";
      default -> throw ApiException.badRequest("bad_status", "行の状態は ACCEPTED、REJECTED、ALL のいずれかです");
    };
    long total = jdbc.queryForObject("select count(*) from resident_feed_line where file_id = ?" + filter, Long.class,
        id);
    List<Line> lines = jdbc.query("""
        select line, status, items::text, problems::text from resident_feed_line where file_id = ?%s
        order by line limit ? offset ?""".formatted(filter), (rs, n) -> new Line(rs.getInt(1), rs.getString(2),
        json.items(rs.getString(3)), json.problems(rs.getString(4))), id, size, (long) page * size);
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "viewed lines of file " + id + " count " + lines.size());
    return new Page<>(lines, total);
  }

  void review(long id, String note, String reviewer) {
    jdbc.update("update resident_feed_file set review_note = ?, reviewed_by = ?, version = version + 1 where id = ?",
        note, reviewer, id);
  }

  @Override
  public void enter(String businessKey, FeedStatus status) {
    // The file's content is kept only while the job may still read it.
    jdbc.update("""
        update resident_feed_file set status = ?, content = case when ? then null else content end,
               version = version + 1 where id = ?""", status.name(), status.ended(), Long.parseLong(businessKey));
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public CaseContext describe(String businessKey) {
    Summary file = summary(Long.parseLong(businessKey));
    return new CaseContext("住民記録のファイル #" + file.id(), List.of(new CaseContext.Section("ファイル", List.of(
        new CaseContext.Row("送信元システム", file.sourceSystem()),
        new CaseContext.Row("ファイル名", file.fileName()),
        new CaseContext.Row("受信日時", JapaneseDates.format(file.receivedAt())),
        new CaseContext.Row("行数", String.valueOf(file.lineCount())),
        new CaseContext.Row("エラーの行", String.valueOf(file.rejectedLines()),
            "/residents/feed/" + file.id())))));
  }

  private Summary withOpenTask(Summary summary) {
    OpenTask task = openTasks.byCase(summary.purpose().processKey, List.of(String.valueOf(summary.id())))
        .get(String.valueOf(summary.id()));
    return task == null ? summary : summary.withOpenTask(task);
  }

  private Summary summaryRow(ResultSet rs, int n) throws SQLException {
    FeedStatus status = FeedStatus.valueOf(rs.getString("status"));
    return new Summary(rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")), rs.getString("source_system"),
        rs.getString("file_name"), rs.getString("encoding"), status, status.label(), rs.getInt("line_count"),
        rs.getInt("checked_lines"), rs.getInt("accepted"), rs.getInt("rejected"),
        (Integer) rs.getObject("applied_lines"), (Integer) rs.getObject("repeated_lines"),
        (Integer) rs.getObject("superseded_lines"),
        rs.getString("received_by"), rs.getTimestamp("received_at").toInstant(),
        rs.getTimestamp("applied_at") == null ? null : rs.getTimestamp("applied_at").toInstant(),
        rs.getString("reviewed_by"), rs.getString("review_note"), null);
  }

  private ApiException duplicate(long earlier) {
    return ApiException.conflict("duplicate_file", "同じファイルは住民記録の取込 #" + earlier
        + " で受信済みです。同じ異動を二度反映しないため、受け付けません");
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
