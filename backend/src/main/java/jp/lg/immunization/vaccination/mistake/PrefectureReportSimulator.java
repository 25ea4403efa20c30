package jp.lg.immunization.vaccination.mistake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the prefecture's receipt of 予防接種の間違い reports: numbers each new report, answers a repeated one
 * with its first number, and fails when told to.
 */
@Component
@SimulatorsOnly
class PrefectureReportSimulator implements PrefectureReportPort {

  private final Map<String, String> receipts = new LinkedHashMap<>();
  private final List<Report> received = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  @Override
  public synchronized String report(Report report) {
    if (failures.get() > 0) {
      failures.decrementAndGet();
      throw new PrefectureUnavailableException("都道府県（シミュレーター）に送信できません");
    }
    return receipts.computeIfAbsent(report.reportId(), id -> {
      received.add(report);
      return "PREF-" + report.doseDate().getYear() + "-" + String.format("%05d", receipts.size() + 1);
    });
  }

  synchronized void failNextRequests(int count) {
    failures.set(count);
  }

  synchronized List<Report> receivedReports() {
    return List.copyOf(received);
  }

  synchronized void reset() {
    failures.set(0);
  }
}
