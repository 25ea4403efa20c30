package jp.lg.immunization.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Auditors' CSV files (R10-R12): a search of the operation log, and the abnormal-access report. Each export is
 * recorded in the audit trail with what it selected and how many rows it held. Neither holds 個人番号: the audit
 * trail never records one, and residents appear by 宛名番号 only.
 */
@Service
class AuditExport {

  static final int MAX_ROWS = 10_000;
  static final List<String> EVENT_HEADER = List.of("記録ID", "日時", "日時（西暦）", "ユーザーID", "操作", "宛名番号",
      "端末アドレス", "詳細");
  static final List<String> REPORT_HEADER = List.of("区分", "理由", "記録ID", "日時", "日時（西暦）", "ユーザーID", "操作",
      "宛名番号", "端末アドレス", "閲覧件数", "閲覧した住民数", "詳細");

  private static final DateTimeFormatter WESTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(AbnormalAccessReport.JAPAN);
  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  record Export(String fileName, CsvEncoding encoding, CsvFile.Encoded file, int rows) {}

  private final AuditSearch search;
  private final AbnormalAccessReport report;
  private final AuditTrail trail;
  private final Clock clock;

  AuditExport(AuditSearch search, AbnormalAccessReport report, AuditTrail trail, Clock clock) {
    this.search = search;
    this.report = report;
    this.trail = trail;
    this.clock = clock;
  }

  @Transactional
  Export events(AuditSearch.Criteria criteria, CsvEncoding encoding) {
    long total = search.count(criteria);
    if (total > MAX_ROWS) {
      throw ApiException.badRequest("too_many_rows", "該当する記録が" + total + "件あります。CSV出力は" + MAX_ROWS
          + "件までです。条件を絞ってください");
    }
    CsvFile csv = new CsvFile().line(EVENT_HEADER);
    List<AuditSearch.Event> events = search.matching(criteria, MAX_ROWS, 0);
    events.forEach(e -> csv.line(List.of(String.valueOf(e.id()), JapaneseDates.format(e.occurredAt()),
        WESTERN.format(e.occurredAt()), e.username(), e.operation(), text(e.addresseeNumber()),
        text(e.clientAddress()), text(e.detail()))));
    return export("監査ログ_" + FILE_DATE.format(LocalDate.now(clock)) + ".csv", csv, events.size(), encoding,
        criteria.residentId(), "audit events " + criteria.describe());
  }

  @Transactional
  Export abnormalAccess(LocalDate from, LocalDate to, CsvEncoding encoding) {
    AbnormalAccessReport.Report found = report.build(from, to, MAX_ROWS);
    if (found.truncated()) {
      throw ApiException.badRequest("too_many_rows", "該当する記録が多すぎます。CSV出力は区分ごとに" + MAX_ROWS
          + "件までです。期間を短くしてください");
    }
    CsvFile csv = new CsvFile().line(REPORT_HEADER);
    int rows = accessLines(csv, "時間外・休日のアクセス", found.outsideOfficeHours())
        + accessLines(csv, "ログイン失敗", found.loginFailures())
        + accessLines(csv, "アカウントロック", found.lockouts());
    for (AbnormalAccessReport.HeavyViewer viewer : found.heavyViewers().rows()) {
      csv.line(List.of("大量閲覧", "1日" + found.dailyViewThreshold() + "件超", "", JapaneseDates.format(viewer.day()),
          viewer.day().toString(), viewer.username(), AuditOperation.RESIDENT_VIEW.name(), "", "",
          String.valueOf(viewer.views()), String.valueOf(viewer.residents()), ""));
      rows++;
    }
    return export("異常アクセス報告_" + FILE_DATE.format(from) + "-" + FILE_DATE.format(to) + ".csv", csv, rows, encoding,
        null, "abnormal access " + found.describe());
  }

  private static int accessLines(CsvFile csv, String section, AbnormalAccessReport.Section<AbnormalAccessReport.Access> found) {
    for (AbnormalAccessReport.Access a : found.rows()) {
      csv.line(List.of(section, text(a.reason()), String.valueOf(a.id()), JapaneseDates.format(a.occurredAt()),
          WESTERN.format(a.occurredAt()), a.username(), a.operation(), text(a.addresseeNumber()),
          text(a.clientAddress()), "", "", text(a.detail())));
    }
    return found.rows().size();
  }

  private Export export(String fileName, CsvFile csv, int rows, CsvEncoding encoding, Long residentId,
                        String what) {
    CsvFile.Encoded encoded = csv.encode(encoding);
    trail.record(AuditOperation.AUDIT_EXPORT, residentId, what + " rows=" + rows + " encoding=" + encoding);
    return new Export(fileName, encoding, encoded, rows);
  }

  private static String text(String value) {
    return Objects.toString(value, "");
  }
}
