package jp.lg.immunization.kpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
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
  private final SlaTargets slaTargets;
  private final CurrentUser currentUser;

  KpiController(KpiQueries queries, SlaTargets slaTargets, CurrentUser currentUser) {
    this.queries = queries;
    this.slaTargets = slaTargets;
    this.currentUser = currentUser;
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

  @GetMapping("/coverage")
  List<KpiQueries.CoverageRow> coverage(@RequestParam(required = false) String vaccine) {
    return queries.coverage(vaccine);
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
