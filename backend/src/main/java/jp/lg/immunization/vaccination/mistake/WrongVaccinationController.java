package jp.lg.immunization.vaccination.mistake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 予防接種の間違い: the flagged doses, one report, a supervisor's explanation, the annual CSV. */
@RestController
@RequestMapping("/api/doses/mistakes")
class WrongVaccinationController {

  record Listing(int fiscalYear, String fiscalYearLabel, List<WrongVaccinationViews.Flagged> rows) {}

  record Dismissal(String reason) {}

  record ExportRequest(@NotNull(message = "年度を選んでください") Integer fiscalYear,
                       @NotNull(message = "文字コードを選んでください") CsvEncoding encoding) {}

  private final WrongVaccinationViews views;
  private final Clock clock;

  WrongVaccinationController(WrongVaccinationViews views, Clock clock) {
    this.views = views;
    this.clock = clock;
  }

  @GetMapping
  Listing flagged(@RequestParam(name = "fiscalYear", required = false) Integer fiscalYear) {
    int year = fiscalYear == null ? JapaneseDates.fiscalYearOf(LocalDate.now(clock)) : fiscalYear;
    if (year < 2000 || year > 2100) {
      throw ApiException.badRequest("bad_fiscal_year", "年度が正しくありません");
    }
    return new Listing(year, JapaneseDates.formatFiscalYear(year), views.flagged(year));
  }

  @GetMapping("/reports/{id}")
  WrongVaccinationViews.Detail report(@PathVariable("id") long id) {
    return views.detail(id);
  }

  @PostMapping("/{doseRecordId}/dismissal")
  ResponseEntity<Void> dismiss(@PathVariable("doseRecordId") long doseRecordId, @RequestBody Dismissal dismissal) {
    views.dismiss(doseRecordId, dismissal.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/annual-report")
  ResponseEntity<byte[]> annual(@Valid @RequestBody ExportRequest request) {
    WrongVaccinationViews.Export file = views.annual(request.fiscalYear(), request.encoding());
    return CsvDownload.of(file.fileName(), file.encoding(), new CsvFile.Encoded(file.content(), file.replaced()),
        file.rows());
  }
}
