package jp.lg.immunization.vaccination.mistake;

import jp.lg.immunization.vaccination.mistake.WrongVaccination.Facts;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.HealthDamage;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Kind;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff correct the facts after a send-back. */
@Step(process = WrongVaccination.PROCESS_KEY, task = "ReviseWrongVaccinationReport")
class ReviseReport implements StepHandler<ReviseReport.Form> {

  record Form(Kind kind, String whatHappened, String cause, String prevention, HealthDamage healthDamage) {}

  private final WrongVaccinationReports reports;

  ReviseReport(WrongVaccinationReports reports) {
    this.reports = reports;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reports.revise(businessKey, new Facts(form.kind(), form.whatHappened(), form.cause(), form.prevention(),
        form.healthDamage()));
  }
}
