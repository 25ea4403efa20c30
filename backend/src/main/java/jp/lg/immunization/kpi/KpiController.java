package jp.lg.immunization.kpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The managers' KPI dashboard (roles MANAGER and ADMIN, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/kpi")
class KpiController {

  record SlaRequest(String scope, String key, Integer businessDays) {}

  /** A table of the dashboard as the browser shows it, to be written as CSV in the chosen encoding. */
  record CsvRequest(
      @NotNull(message = "ファイル名を指定してください")
      @Pattern(regexp = "[\\p{L}\\p{N}_\\-]{1,60}", message = "ファイル名に使えない文字があります") String fileName,
      @NotNull(message = "文字コードを選んでください") CsvEncoding encoding,
      @NotNull(message = "表が空です") @Size(max = 20_000, message = "表が大きすぎます（20,000行まで）") List<List<String>> rows) {}

  private final KpiQueries queries;
  private final KpiSummary summary;
  private final Coverage coverage;
  private final SlaTargets slaTargets;
  private final CurrentUser currentUser;

  KpiController(KpiQueries queries, KpiSummary summary, Coverage coverage, SlaTargets slaTargets,
                CurrentUser currentUser) {
    this.queries = queries;
    this.summary = summary;
    this.coverage = coverage;
    this.slaTargets = slaTargets;
    this.currentUser = currentUser;
  }

  /** The first screen: headline figures, the weekly trend and the steps overdue now. */
  @GetMapping("/summary")
  KpiSummary.Summary summary() {
    return summary.summary();
  }

  /** The drill-down behind the first screen: open steps past their due date, paged. */
  @GetMapping("/overdue")
  KpiSummary.Page overdue(@RequestParam(required = false) String processKey,
                          @RequestParam(required = false) String taskKey,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
    return summary.overdue(processKey, taskKey, page, size);
  }

  @GetMapping("/dashboard")
  KpiQueries.Dashboard dashboard(@RequestParam(required = false) String period,
                                 @RequestParam(required = false) String date,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
    return queries.dashboard(Period.of(period, date, from, to, queries.today()));
  }

  /** The read-only queue: open steps oldest first, without case data (managers have no access to cases). */
  @GetMapping("/open-tasks")
  List<KpiQueries.OpenTask> openTasks(@RequestParam(required = false) String processKey,
                                      @RequestParam(required = false) String taskKey,
                                      @RequestParam(defaultValue = "200") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("invalid_limit", "件数は1から1000までで指定してください。");
    }
    return queries.openTasks(processKey, taskKey, limit);
  }

  /** Coverage per vaccine and dose over its target population in a 年度 (this one by default), the whole city. */
  @GetMapping("/coverage")
  List<Coverage.Row> coverage(@RequestParam(required = false) Integer fiscalYear) {
    LocalDate today = queries.today();
    return coverage.city(fiscalYear(fiscalYear, today), today);
  }

  /** One dose's coverage by district. */
  @GetMapping("/coverage/districts")
  List<Coverage.Row> coverageByDistrict(@RequestParam String target, @RequestParam(required = false) Integer fiscalYear) {
    LocalDate today = queries.today();
    return coverage.districts(target, fiscalYear(fiscalYear, today), today);
  }

  private static int fiscalYear(Integer asked, LocalDate today) {
    int current = JapaneseDates.fiscalYearOf(today);
    if (asked == null) {
      return current;
    }
    if (asked < 2000 || asked > current) {
      throw ApiException.badRequest("invalid_fiscal_year", "年度は2000年度から今年度までで指定してください。");
    }
    return asked;
  }

  @PutMapping("/sla")
  SlaTargets.Target setSla(@RequestBody SlaRequest request) {
    return slaTargets.set(request.scope(), request.key(), request.businessDays(), currentUser.get().username());
  }

  @PostMapping("/csv")
  ResponseEntity<byte[]> csv(@Valid @RequestBody CsvRequest request) {
    CsvFile file = new CsvFile();
    for (List<String> row : request.rows()) {
      if (row == null || row.size() > 100 || row.stream().anyMatch(cell -> cell != null && cell.length() > 500)) {
        throw ApiException.badRequest("invalid_csv", "表の行または項目が大きすぎます。");
      }
      file.line(row);
    }
    // The browser sends the table's header as its first row.
    return CsvDownload.of(request.fileName() + ".csv", request.encoding(), file.encode(request.encoding()),
        Math.max(0, request.rows().size() - 1));
  }
}
