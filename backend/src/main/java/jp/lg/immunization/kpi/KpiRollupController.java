package jp.lg.immunization.kpi;

import java.time.LocalDate;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.OfficeCalendar;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators compute the KPI roll-ups again from a day on, after history was imported (for example from the
 * previous system) or corrected; the hourly job only adds days that have ended.
 */
@RestController
class KpiRollupController {

  record RebuildRequest(String from) {}

  record RebuildResult(LocalDate from, LocalDate rolledThrough, int rows) {}

  private final KpiRollup rollup;
  private final KpiQueries queries;

  KpiRollupController(KpiRollup rollup, KpiQueries queries) {
    this.rollup = rollup;
    this.queries = queries;
  }

  @PostMapping("/api/admin/kpi-rollup")
  RebuildResult rebuild(@RequestBody RebuildRequest request) {
    LocalDate from = JapaneseDates.parse(request.from())
        .orElseThrow(() -> ApiException.badRequest("invalid_from", "開始日を日付で入力してください（例: 2021-04-01）。"));
    if (from.isBefore(OfficeCalendar.FIRST) || from.isAfter(queries.today())) {
      throw ApiException.badRequest("invalid_from", "開始日は2000年1月1日から今日までで入力してください。");
    }
    int rows = rollup.rebuild(from, null);
    return new RebuildResult(from, rollup.rolledThrough(), rows);
  }
}
