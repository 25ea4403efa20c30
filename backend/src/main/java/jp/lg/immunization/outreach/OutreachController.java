package jp.lg.immunization.outreach;

import jakarta.validation.Valid;
import jp.lg.immunization.platform.CsvEncoding;
import java.nio.charset.StandardCharsets;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cohort search, CSV export (permission EXPORT) and 予診票 issuance (permission PRINT). Criteria travel in the
 * body, never in the URL; files come back as attachments that no cache may keep.
 */
@RestController
@RequestMapping("/api/outreach")
class OutreachController {

  record SearchRequest(@NotNull(message = "検索条件がありません") @Valid CohortCriteria criteria,
                       @Min(value = 0, message = "ページ番号が正しくありません") Integer page,
                       @Min(value = 1, message = "件数が正しくありません") @Max(value = 100, message = "件数は100件までです") Integer size) {}

  record ExportRequest(@NotNull(message = "検索条件がありません") @Valid CohortCriteria criteria,
                       @NotNull(message = "文字コードを選んでください") CsvEncoding encoding) {}

  record IssueRequest(@NotNull(message = "検索条件がありません") @Valid CohortCriteria criteria) {}

  static final String ROW_COUNT = "X-Row-Count";
  static final String REPLACED_CHARACTERS = "X-Replaced-Characters";
  static final String BATCH_ID = "X-Batch-Id";

  private final CohortSearch search;
  private final CohortExport export;
  private final QuestionnaireIssuance issuance;

  OutreachController(CohortSearch search, CohortExport export, QuestionnaireIssuance issuance) {
    this.search = search;
    this.export = export;
    this.issuance = issuance;
  }

  @GetMapping("/options")
  OutreachViews.Options options() {
    return search.options();
  }

  @PostMapping("/search")
  OutreachViews.Page search(@Valid @RequestBody SearchRequest request) {
    return search.search(request.criteria(), request.page() == null ? 0 : request.page(),
        request.size() == null ? 20 : request.size());
  }

  @PostMapping("/export")
  ResponseEntity<byte[]> export(@Valid @RequestBody ExportRequest request) {
    CohortExport.Export file = export.export(request.criteria(), request.encoding());
    return attachment(file.fileName(), MediaType.parseMediaType(file.encoding().contentType()), file.content())
        .header(ROW_COUNT, String.valueOf(file.rows()))
        .header(REPLACED_CHARACTERS, String.valueOf(file.replacedCharacters()))
        .body(file.content());
  }

  @PostMapping("/questionnaires")
  ResponseEntity<byte[]> issue(@Valid @RequestBody IssueRequest request) {
    QuestionnaireIssuance.Issued issued = issuance.issue(request.criteria());
    return attachment(issued.fileName(), MediaType.APPLICATION_PDF, issued.pdf())
        .header(ROW_COUNT, String.valueOf(issued.sheets()))
        .header(BATCH_ID, issued.batchId().toString())
        .body(issued.pdf());
  }

  private static ResponseEntity.BodyBuilder attachment(String fileName, MediaType type, byte[] content) {
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, ROW_COUNT + ", " + REPLACED_CHARACTERS + ", " + BATCH_ID);
  }
}
