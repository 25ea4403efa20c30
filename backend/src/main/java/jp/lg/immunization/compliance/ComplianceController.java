package jp.lg.immunization.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.PdfDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' compliance report under 監査ログ (the security rule of {@code /api/audit/**}): the report, and the same as
 * CSV and PDF. It holds no personal data, so no EXPORT permission is asked; showing and taking it are audited.
 */
@RestController
@RequestMapping("/api/audit/compliance")
class ComplianceController {

  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final ComplianceReport report;
  private final ComplianceFiles files;
  private final AuditTrail audit;
  private final Clock clock;

  ComplianceController(ComplianceReport report, ComplianceFiles files, AuditTrail audit, Clock clock) {
    this.report = report;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  @Transactional
  ComplianceReport.Report show() {
    ComplianceReport.Report built = report.build();
    audit.record(AuditOperation.COMPLIANCE_REPORT, null, "shown proven=" + built.proven());
    return built;
  }

  @GetMapping("/csv")
  @Transactional
  ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "UTF8_BOM") CsvEncoding encoding) {
    ComplianceReport.Report built = report.build();
    CsvFile.Encoded file = files.csv(built, encoding);
    audit.record(AuditOperation.COMPLIANCE_REPORT, null, "csv rows=" + built.controls().size() + " encoding=" + encoding);
    return CsvDownload.of("自己点検_" + FILE_DATE.format(LocalDate.now(clock)) + ".csv", encoding, file,
        built.controls().size());
  }

  @GetMapping("/pdf")
  @Transactional
  ResponseEntity<byte[]> pdf() {
    ComplianceReport.Report built = report.build();
    byte[] pdf = files.pdf(built, Instant.now(clock));
    audit.record(AuditOperation.COMPLIANCE_REPORT, null, "pdf controls=" + built.controls().size());
    return PdfDownload.inline("自己点検_" + FILE_DATE.format(LocalDate.now(clock)) + ".pdf", pdf);
  }
}
