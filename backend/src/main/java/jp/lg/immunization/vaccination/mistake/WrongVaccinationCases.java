package jp.lg.immunization.vaccination.mistake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Facts;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.HealthDamage;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Kind;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Status;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 予防接種の間違い報告 process as the task list sees it: a report opened from the start form on a dose record, its
 * status and timeline as the process moves, and the report beside each step.
 */
@Component
@CaseProcesses(WrongVaccination.PROCESS_KEY)
class WrongVaccinationCases implements CaseStarter<WrongVaccinationCases.Start>, CaseContextProvider,
    CaseType<Status> {

  record Start(Long doseRecordId, Kind kind, String whatHappened, String cause, String prevention,
               HealthDamage healthDamage) {}

  private final WrongVaccinationReports reports;
  private final WrongVaccinationEvents events;
  private final ResidentDirectory residents;

  WrongVaccinationCases(WrongVaccinationReports reports, WrongVaccinationEvents events,
                        ResidentDirectory residents) {
    this.reports = reports;
    this.events = events;
    this.residents = residents;
  }

  @Override
  public String processKey() {
    return WrongVaccination.PROCESS_KEY;
  }

  @Override
  public StartedCase start(Start form) {
    WrongVaccination report = reports.open(form.doseRecordId(), new Facts(form.kind(), form.whatHappened(),
        form.cause(), form.prevention(), form.healthDamage()));
    return StartedCase.of(report.id(), report.residentId());
  }

  @Override
  public void enter(String businessKey, Status status) {
    reports.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    WrongVaccination report = reports.byBusinessKey(businessKey);
    WrongVaccinationReports.Dose dose = reports.dose(report.doseRecordId()).orElseThrow();
    List<CaseContext.Section> sections = new ArrayList<>();
    String who = residents.byId(report.residentId())
        .map(r -> r.nameKanji() + "（" + r.nameKana() + "、宛名番号 " + r.addresseeNumber() + "）").orElse("");
    List<CaseContext.Row> facts = new ArrayList<>(List.of(
        new CaseContext.Row("間違い報告", "#" + report.id() + "（" + report.status().label() + "）",
            "/mistakes/" + report.id()),
        row("被接種者", who),
        row("接種", dose.vaccine() + " " + dose.category() + "　" + JapaneseDates.format(dose.doseDate())
            + "（接種記録 #" + dose.id() + "）"),
        row("類型", report.kind().label()),
        row("健康被害", report.healthDamage().label())));
    if (report.ruleBroken() != null) {
      facts.add(row("登録時の確認", report.ruleBroken()));
    }
    facts.add(row("発生の経緯", report.whatHappened()));
    facts.add(row("原因", report.cause()));
    facts.add(row("再発防止策", report.prevention()));
    sections.add(new CaseContext.Section("間違いの内容", facts));
    List<CaseContext.Row> informed = new ArrayList<>();
    if (report.residentInformedOn() != null) {
      informed.add(row("被接種者への説明", JapaneseDates.format(report.residentInformedOn()) + "　"
          + WrongVaccination.InformedHow.valueOf(report.residentInformedHow()).label() + "（"
          + report.residentInformedBy() + "）"));
    }
    if (report.clinicInformedOn() != null) {
      informed.add(row("医療機関への連絡", JapaneseDates.format(report.clinicInformedOn()) + "　"
          + report.clinicContact() + "（" + report.clinicInformedBy() + "）"));
    }
    if (!informed.isEmpty()) {
      sections.add(new CaseContext.Section("説明と連絡", informed));
    }
    sections.add(CaseContext.Section.latestOfTimeline(events.of(report.id()), 5,
        e -> row(JapaneseDates.format(e.occurredAt()), e.description() + "（" + e.actor() + "）")));
    return new CaseContext("予防接種の間違い報告 #" + report.id() + "（" + report.status().label() + "）", sections);
  }

  /** A report sent back opens with what it says now. */
  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    if (!"ReviseWrongVaccinationReport".equals(taskKey)) {
      return Map.of();
    }
    WrongVaccination report = reports.byBusinessKey(businessKey);
    return Map.of("kind", report.kind().name(), "whatHappened", report.whatHappened(), "cause", report.cause(),
        "prevention", report.prevention(), "healthDamage", report.healthDamage().name());
  }


  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
