package jp.lg.immunization.resident.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 住民記録の取込: files of the resident register feed, their progress and their lines. */
@RestController
@RequestMapping("/api/residents/feed/files")
@Validated
class ResidentFeedController {

  private final ResidentFeeds feeds;
  private final CurrentUser currentUser;

  ResidentFeedController(ResidentFeeds feeds, CurrentUser currentUser) {
    this.feeds = feeds;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  ResidentFeeds.Summary receive(@RequestParam("file") MultipartFile file,
                                @RequestParam(name = "sourceSystem", defaultValue = ResidentFeeds.DEFAULT_SOURCE)
                                String sourceSystem,
                                @RequestParam(name = "encoding", defaultValue = "AUTO") String encoding)
      throws IOException {
    CsvInput.Encoding chosen;
    try {
      chosen = CsvInput.Encoding.valueOf(encoding);
    } catch (IllegalArgumentException unknown) {
      throw ApiException.badRequest("bad_encoding", "文字コードは AUTO、UTF_8、SHIFT_JIS のいずれかです");
    }
    return feeds.receive(sourceSystem, file.getOriginalFilename(), file.getBytes(), chosen,
        currentUser.get().username());
  }

  @GetMapping
  ResidentFeeds.Page<ResidentFeeds.Summary> list(
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 100, message = "件数は100件までです") int size) {
    return feeds.list(page, size);
  }

  @GetMapping("/{id}")
  ResidentFeeds.Summary summary(@PathVariable long id) {
    return feeds.summary(id);
  }

  @GetMapping("/{id}/lines")
  ResidentFeeds.Page<ResidentFeeds.Line> lines(@PathVariable long id, @RequestParam(defaultValue = "ALL") String status,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 200, message = "件数は200件までです") int size) {
    return feeds.lines(id, status, page, size);
  }
}
