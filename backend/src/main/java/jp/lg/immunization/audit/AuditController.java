package jp.lg.immunization.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors (セキュリティ責任者): chain verification, the operation-log search and its CSV (R10, R12), the
 * abnormal-access report (R11). Criteria travel in POST bodies: a 宛名番号 never appears in a URL.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final int REPORT_ROWS = 500;

  /** Every field optional; {@code from}/{@code to} are days, both included. */
  record Filter(@Size(max = 64, message = "ユーザーIDは64文字以内で入力してください") String username,
                @Pattern(regexp = "(\\d{1,10})?", message = "宛名番号は数字10桁以内で入力してください") String addresseeNumber,
                AuditOperation operation, LocalDate from, LocalDate to) {}

  record SearchRequest(@Valid Filter filter,
                       @Min(value = 0, message = "ページ番号が正しくありません") Integer page,
                       @Min(value = 1, message = "件数が正しくありません") @Max(value = 200, message = "件数は200件までです")
                       Integer size) {}

  record ExportRequest(@Valid Filter filter, @NotNull(message = "文字コードを選んでください") CsvEncoding encoding) {}

  record PeriodRequest(LocalDate from, LocalDate to, CsvEncoding encoding) {}

  private final AuditVerificationRuns verification;
  private final AuditSearch search;
  private final AuditExport export;
  private final AbnormalAccessReport abnormalAccess;
  private final AuditedResidents residents;
  private final AuditTrail trail;

  AuditController(AuditVerificationRuns verification, AuditSearch search, AuditExport export,
                  AbnormalAccessReport abnormalAccess, AuditedResidents residents, AuditTrail trail) {
    this.verification = verification;
    this.search = search;
    this.export = export;
    this.abnormalAccess = abnormalAccess;
    this.residents = residents;
    this.trail = trail;
  }

  @GetMapping("/verify")
  AuditVerificationRuns.Run verify() {
    AuditVerificationRuns.Run run = verification.run(AuditVerificationRuns.Trigger.ON_DEMAND);
    trail.record(AuditOperation.AUDIT_VERIFY, null, AuditVerificationRuns.describe(run));
    return run;
  }

  /** The last verification, nightly or on demand: a break shows to auditors as soon as they open the page. */
  @GetMapping("/verification/latest")
  ResponseEntity<AuditVerificationRuns.Run> latestVerification() {
    return verification.latest().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
  }

  @PostMapping("/events/search")
  AuditSearch.Page events(@Valid @RequestBody SearchRequest request) {
    return search.find(criteria(request.filter()), request.page() == null ? 0 : request.page(),
        request.size() == null ? 50 : request.size());
  }

  @PostMapping("/events/export")
  ResponseEntity<byte[]> exportEvents(@Valid @RequestBody ExportRequest request) {
    return download(export.events(criteria(request.filter()), request.encoding()));
  }

  @PostMapping("/abnormal-access")
  AbnormalAccessReport.Report abnormalAccess(@RequestBody PeriodRequest request) {
    return abnormalAccess.show(request.from(), request.to(), REPORT_ROWS);
  }

  @PostMapping("/abnormal-access/export")
  ResponseEntity<byte[]> exportAbnormalAccess(@RequestBody PeriodRequest request) {
    return download(export.abnormalAccess(request.from(), request.to(),
        request.encoding() == null ? CsvEncoding.UTF8_BOM : request.encoding()));
  }

  record Operations(List<AuditOperation> operations) {}

  @GetMapping("/operations")
  Operations operations() {
    return new Operations(List.of(AuditOperation.values()));
  }

  private AuditSearch.Criteria criteria(Filter filter) {
    if (filter == null) {
      return new AuditSearch.Criteria(null, null, null, null, null);
    }
    Long residentId = filter.addresseeNumber() == null || filter.addresseeNumber().isBlank() ? null
        : residents.requireId(filter.addresseeNumber());
    return new AuditSearch.Criteria(filter.username(), residentId, filter.operation(), filter.from(), filter.to());
  }

  private static ResponseEntity<byte[]> download(AuditExport.Export file) {
    return CsvDownload.of(file.fileName(), file.encoding(), file.file(), file.rows());
  }
}
