package jp.lg.immunization.vaccination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Clinics' monthly CSV batches: upload, progress and report, and the correction of rejected lines in review. */
@RestController
@RequestMapping("/api/dose-batches")
@Validated
class DoseBatchController {

  record RowCorrection(@NotNull(message = "接種記録の項目がありません") Map<String, String> items, boolean confirmWarnings) {}

  private final DoseBatches batches;

  DoseBatchController(DoseBatches batches) {
    this.batches = batches;
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  DoseBatches.Summary upload(@RequestParam("file") MultipartFile file,
                             @RequestParam(name = "encoding", defaultValue = "AUTO") String encoding) throws IOException {
    DoseBatchFile.Encoding chosen;
    try {
      chosen = DoseBatchFile.Encoding.valueOf(encoding);
    } catch (IllegalArgumentException unknown) {
      throw ApiException.badRequest("bad_encoding", "文字コードは AUTO、UTF_8、SHIFT_JIS のいずれかです");
    }
    return batches.upload(file.getOriginalFilename(), file.getBytes(), chosen);
  }

  @GetMapping
  DoseBatches.Page<DoseBatches.Summary> list(
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 100, message = "件数は100件までです") int size) {
    return batches.list(page, size);
  }

  @GetMapping("/{id}")
  DoseBatches.Summary summary(@PathVariable long id) {
    return batches.summary(id);
  }

  @GetMapping("/{id}/rows")
  DoseBatches.Page<DoseBatches.Row> rows(@PathVariable long id, @RequestParam(defaultValue = "ALL") String status,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "ページ番号が正しくありません") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "件数が正しくありません")
      @Max(value = 200, message = "件数は200件までです") int size) {
    return batches.rows(id, status, page, size);
  }

  @PutMapping("/{id}/rows/{line}")
  DoseBatches.Row correct(@PathVariable long id, @PathVariable int line, @Valid @RequestBody RowCorrection request) {
    return batches.correctRow(id, line, request.items(), request.confirmWarnings());
  }

  @PostMapping("/{id}/rows/{line}/exclude")
  DoseBatches.Row exclude(@PathVariable long id, @PathVariable int line) {
    return batches.excludeRow(id, line);
  }
}
