package jp.lg.immunization.vaccination.mistake;

import jp.lg.immunization.platform.LegalDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the approved report to the prefecture and records its receipt. The report id is the report's own, so a job
 * that runs again after a failure sends the same report and gets the same receipt.
 */
@Component("sendWrongVaccinationReport")
class SendWrongVaccinationReport implements JavaDelegate {

  private final WrongVaccinationReports reports;
  private final PrefectureReportPort prefecture;

  SendWrongVaccinationReport(WrongVaccinationReports reports, PrefectureReportPort prefecture) {
    this.reports = reports;
    this.prefecture = prefecture;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WrongVaccination report = reports.byBusinessKey(execution.getProcessBusinessKey());
    WrongVaccinationReports.Dose dose = reports.dose(report.doseRecordId()).orElseThrow();
    String receipt = prefecture.report(new PrefectureReportPort.Report("WVR-" + report.id(), dose.doseDate(),
        dose.vaccine(), dose.category(), LegalDates.ageYears(dose.birthDate(), dose.doseDate()),
        LegalDates.ageMonths(dose.birthDate(), dose.doseDate()), report.kind().name(),
        report.healthDamage().name(), report.whatHappened(), report.cause(), report.prevention()));
    reports.reported(execution.getProcessBusinessKey(), receipt);
  }
}
