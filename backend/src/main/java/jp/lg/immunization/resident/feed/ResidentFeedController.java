package jp.lg.immunization.resident.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.platform.LargeUpload;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 住民記録の取込: files of the resident register feed, their progress and their lines. */
@RestController
@RequestMapping("/api/residents/feed")
@Validated
class ResidentFeedController {

  record Explanation(String note) {}

  private final ResidentFeeds feeds;
  private final Reconciliations reconciliations;
  private final CurrentUser currentUser;

  ResidentFeedController(ResidentFeeds feeds, Reconciliations reconciliations, CurrentUser currentUser) {
    this.feeds = feeds;
    this.reconciliations = reconciliations;
    this.currentUser = currentUser;
  }

  /**
   * A file of changes to apply ({@code files}), or a full extract to compare with the register. A full extract of
   * the city (200,000 lines, 43–45 MB in UTF-8) is larger than any other upload, hence its own limit.
   */
  @PostMapping(path = "/{purpose:files|reconciliations}", consumes = "multipart/form-data")
  @LargeUpload
  @ResponseStatus(HttpStatus.CREATED)
  ResidentFeeds.Summary receive(@PathVariable String purpose, @RequestParam("file") MultipartFile file,
                                @RequestParam(name = "sourceSystem", defaultValue = ResidentFeeds.DEFAULT_SOURCE)
                                String sourceSystem,
                                @RequestParam(name = "encoding", defaultValue = "AUTO") String encoding)
      throws IOException {
    return feeds.receive("files".equals(purpose) ? ResidentFeeds.Purpose.IMPORT : ResidentFeeds.Purpose.RECONCILE,
        sourceSystem, file.getOriginalFilename(), file.getBytes(), encoding(encoding), currentUser.get().username());
  }

  @GetMapping("/reconciliations/{id}/differences")
  List<Reconciliations.Difference> differences(@PathVariable long id) {
    feeds.summary(id);
    return reconciliations.differences(id);
  }

  @PostMapping("/reconciliations/{id}/differences/{seq}/apply")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void apply(@PathVariable long id, @PathVariable int seq) {
    reconciliations.apply(id, seq);
  }

  @PostMapping("/reconciliations/{id}/differences/{seq}/explain")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void explain(@PathVariable long id, @PathVariable int seq, @RequestBody Explanation explanation) {
    reconciliations.explain(id, seq, explanation.note());
  }

  private static CsvInput.Encoding encoding(String encoding) {
    try {
      return CsvInput.Encoding.valueOf(encoding);
    } catch (IllegalArgumentException unknown) {
      throw ApiException.badRequest("bad_encoding", "文字コードは AUTO、UTF_8、SHIFT_JIS のいずれかです");
    }
  }

  @GetMapping("/files")
  ResidentFeeds.Page<ResidentFeeds.Summary> list(
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 100, message = "件数は100件までです") int size) {
    return feeds.list(page, size);
  }

  @GetMapping("/files/{id}")
  ResidentFeeds.Summary summary(@PathVariable long id) {
    return feeds.summary(id);
  }

  @GetMapping("/files/{id}/lines")
  ResidentFeeds.Page<ResidentFeeds.Line> lines(@PathVariable long id, @RequestParam(defaultValue = "ALL") String status,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 200, message = "件数は200件までです") int size) {
    return feeds.lines(id, status, page, size);
  }
}
