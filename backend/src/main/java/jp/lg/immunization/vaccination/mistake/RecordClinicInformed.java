package jp.lg.immunization.vaccination.mistake;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record when the clinic was told and whom they spoke to. */
@Step(process = WrongVaccination.PROCESS_KEY, task = "RecordClinicInformed")
class RecordClinicInformed implements StepHandler<RecordClinicInformed.Form> {

  record Form(LocalDate informedOn, String contact) {}

  private final WrongVaccinationReports reports;

  RecordClinicInformed(WrongVaccinationReports reports) {
    this.reports = reports;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reports.clinicInformed(businessKey, form.informedOn(), form.contact());
  }
}
