package jp.lg.immunization.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors (セキュリティ責任者): chain verification and event search (R10). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditVerificationRuns verification;
  private final AuditSearch search;
  private final AuditTrail trail;

  AuditController(AuditVerificationRuns verification, AuditSearch search, AuditTrail trail) {
    this.verification = verification;
    this.search = search;
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

  @GetMapping("/events")
  AuditSearch.Page events(@RequestParam(required = false) String username,
                          @RequestParam(required = false) Long residentId,
                          @RequestParam(required = false) AuditOperation operation,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
    return search.find(new AuditSearch.Criteria(username, residentId, operation, from, to), page, Math.min(size, 200));
  }

  record Operations(List<AuditOperation> operations) {}

  @GetMapping("/operations")
  Operations operations() {
    return new Operations(List.of(AuditOperation.values()));
  }
}
