package jp.lg.immunization.vaccination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 接種実績のCSV出力 (R32): the filter travels in the body; the file comes back as an attachment no cache keeps. */
@RestController
@RequestMapping("/api/doses/export")
class DoseRecordExportController {

  record ExportRequest(@NotNull(message = "期間の始まりを入力してください") LocalDate from,
                       @NotNull(message = "期間の終わりを入力してください") LocalDate to,
                       @Size(max = 30, message = "ワクチンの種類が正しくありません") String vaccine,
                       @Size(max = 60, message = "地区が長すぎます") String district,
                       @NotNull(message = "文字コードを選んでください") CsvEncoding encoding) {}

  private final DoseRecordExport export;

  DoseRecordExportController(DoseRecordExport export) {
    this.export = export;
  }

  @GetMapping("/options")
  DoseRecordExport.Options options() {
    return export.options();
  }

  @PostMapping
  ResponseEntity<byte[]> export(@Valid @RequestBody ExportRequest request) {
    DoseRecordExport.Export file = export.export(new DoseRecordExport.Filter(request.from(), request.to(),
        blankToNull(request.vaccine()), blankToNull(request.district())), request.encoding());
    return CsvDownload.of(file.fileName(), file.encoding(), file.file(), file.rows());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
