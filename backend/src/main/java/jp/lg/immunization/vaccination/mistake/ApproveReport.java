package jp.lg.immunization.vaccination.mistake;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** A supervisor approves the report for the prefecture or sends it back with the reason. */
@Step(process = WrongVaccination.PROCESS_KEY, task = "ApproveWrongVaccinationReport")
class ApproveReport implements StepHandler<ApproveReport.Form> {

  record Form(String decision, String reason) {}

  private final WrongVaccinationReports reports;

  ApproveReport(WrongVaccinationReports reports) {
    this.reports = reports;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reports.decided(businessKey, form.decision(), form.reason());
  }
}
