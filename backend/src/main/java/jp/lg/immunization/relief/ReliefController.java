package jp.lg.immunization.relief;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.PdfDownload;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Staff follow relief claims: the list, the case page, documents, the appeal and entitlement revisions. */
@RestController
@RequestMapping("/api/relief")
class ReliefController {

  record AppealFiling(@NotNull(message = "請求の版数がありません。画面を更新してください") Integer version,
                      @NotNull(message = "審査請求の日付を入力してください") LocalDate filedOn,
                      @Size(max = 500, message = "備考は500文字以内で入力してください") String note) {}

  record EntitlementRevision(@NotNull(message = "請求の版数がありません。画面を更新してください") Integer version,
                             @NotNull(message = "各期の額を入力してください") @Min(value = 0, message = "額は0円以上です")
                             @Max(value = 100_000_000, message = "額が大きすぎます") Integer periodicAmountYen,
                             LocalDate entitlementEndsOn,
                             @NotBlank(message = "改定の理由を入力してください")
                             @Size(max = 500, message = "理由は500文字以内で入力してください") String reason) {}

  private final ReliefViews views;
  private final ReliefEntitlementRevisions revisions;
  private final ReliefDocuments documents;
  private final ReliefPayments payments;
  private final ReliefAppeals appeals;
  private final ReliefNotices notices;

  ReliefController(ReliefViews views, ReliefEntitlementRevisions revisions, ReliefDocuments documents, ReliefPayments payments,
                   ReliefAppeals appeals, ReliefNotices notices) {
    this.views = views;
    this.revisions = revisions;
    this.documents = documents;
    this.payments = payments;
    this.appeals = appeals;
    this.notices = notices;
  }

  @GetMapping("/claims")
  List<ReliefViews.Summary> recent() {
    return views.recent();
  }

  @GetMapping("/claims/{id}")
  ReliefViews.Detail detail(@PathVariable long id) {
    return views.detail(id);
  }

  @GetMapping("/document-types")
  List<ReliefViews.Code> documentTypes() {
    return java.util.Arrays.stream(DocumentType.values()).map(t -> new ReliefViews.Code(t.name(), t.label())).toList();
  }

  @PostMapping(path = "/claims/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> upload(@PathVariable long id, @RequestParam("type") String type,
                           @RequestParam("receivedOn") LocalDate receivedOn,
                           @RequestParam("file") MultipartFile file) throws IOException {
    return Map.of("id", documents.upload(id, type, receivedOn, file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping("/claims/{id}/documents/{documentId}")
  ResponseEntity<byte[]> view(@PathVariable long id, @PathVariable long documentId) {
    ReliefDocuments.Content content = documents.content(id, documentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.bytes());
  }

  /** The decision notice as the claimant receives it: a Japanese PDF of the notice kept on the claim. */
  @GetMapping("/claims/{id}/notice.pdf")
  ResponseEntity<byte[]> notice(@PathVariable long id) {
    return PdfDownload.inline("決定通知書-" + id + ".pdf", notices.pdf(id));
  }

  @PostMapping("/claims/{id}/appeal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void appeal(@PathVariable long id, @Valid @RequestBody AppealFiling filing) {
    appeals.file(id, filing.version(), filing.filedOn(), filing.note());
  }

  /** Proposes a revision: it takes effect when another supervisor approves it in the task list (four-eyes). */
  @PostMapping("/claims/{id}/entitlement")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Long> revise(@PathVariable long id, @Valid @RequestBody EntitlementRevision revision) {
    return Map.of("revisionId", revisions.propose(id, revision.version(), revision.periodicAmountYen(),
        revision.entitlementEndsOn(), revision.reason().strip()));
  }

  @GetMapping("/payments/scheduled")
  List<ReliefPayments.Payment> scheduled() {
    return payments.scheduled();
  }
}
