package jp.lg.immunization.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.vaccination.DoseRecords;
import jp.lg.immunization.vaccination.Eligibility;
import jp.lg.immunization.vaccination.VaccineEligibility;
import jp.lg.immunization.workflow.ResidentTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's case page: identity (個人番号 masked), household, doses, what the resident may receive
 * now (接種可能範囲) and the open steps that concern them. One view, one audit event (R04).
 */
@Service
class ResidentCasePage {

  record View(ResidentViews.Detail resident, List<ResidentViews.Summary> household, List<DoseRecords.Dose> doses,
              List<VaccineEligibility> eligibility, List<ResidentTasks.OpenTask> openTasks) {}

  private final ResidentRepository residents;
  private final DoseRecords doses;
  private final Eligibility eligibility;
  private final ResidentTasks tasks;
  private final AuditTrail audit;
  private final Clock clock;

  ResidentCasePage(ResidentRepository residents, DoseRecords doses, Eligibility eligibility, ResidentTasks tasks,
                   AuditTrail audit, Clock clock) {
    this.residents = residents;
    this.doses = doses;
    this.eligibility = eligibility;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  View of(long id) {
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    audit.record(AuditOperation.RESIDENT_VIEW, id, "case page");
    List<ResidentViews.Summary> household = resident.householdNumber() == null ? List.of()
        : residents.findByHouseholdNumberOrderByBirthDate(resident.householdNumber()).stream()
            .filter(member -> !member.id().equals(resident.id())).map(ResidentViews.Summary::of).toList();
    List<DoseRecords.Dose> received = doses.of(id);
    List<VaccineEligibility> forecast = resident.status() == ResidentStatus.DECEASED ? List.of()
        : eligibility.forResident(resident.birthDate(), resident.sex().name(), received, false, LocalDate.now(clock));
    return new View(ResidentViews.Detail.of(resident), household, received, forecast, tasks.openFor(id));
  }
}
