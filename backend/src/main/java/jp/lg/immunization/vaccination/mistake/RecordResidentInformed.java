package jp.lg.immunization.vaccination.mistake;

import java.time.LocalDate;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.InformedHow;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff record when and how the vaccinated person (or the guardian) was told. */
@Step(process = WrongVaccination.PROCESS_KEY, task = "RecordResidentInformed")
class RecordResidentInformed implements StepHandler<RecordResidentInformed.Form> {

  record Form(LocalDate informedOn, InformedHow informedHow) {}

  private final WrongVaccinationReports reports;

  RecordResidentInformed(WrongVaccinationReports reports) {
    this.reports = reports;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reports.residentInformed(businessKey, form.informedOn(), form.informedHow());
  }
}
