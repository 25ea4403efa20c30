package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import jp.lg.immunization.vaccination.VaccineEligibility.Status;
import org.springframework.stereotype.Component;

/**
 * The routine rule of dose validation: a dose is a routine vaccination when the eligibility tables, judging the
 * resident's earlier doses on the dose's date, find the vaccine 接種可 that day. Otherwise the table's reason is the
 * rule it broke: too early (age, interval, season), too late (the window has passed), one dose too many, or not in
 * the target group. An approved 長期療養特例 makes a dose after the window routine again (the tables are judged with
 * the resident's extensions), and a 60-64-year-old's B類 doses are routine while a qualifying disability is on record
 * ({@link BClassQualifications}).
 */
@Component
class RoutineDoses implements DoseValidation.RoutineRule {

  private final Eligibility eligibility;
  private final EligibilityExtensions extensions;
  private final BClassQualifications qualifications;

  RoutineDoses(Eligibility eligibility, EligibilityExtensions extensions, BClassQualifications qualifications) {
    this.eligibility = eligibility;
    this.extensions = extensions;
    this.qualifications = qualifications;
  }

  @Override
  public Optional<String> broken(ResidentRef resident, DoseValidation.VaccineName vaccine, LocalDate date,
      Collection<DoseValidation.PriorDose> priors) {
    return forResidents(List.of(resident.id())).broken(resident, vaccine, date, priors);
  }

  /**
   * The same rule for the residents of a batch chunk: their qualifications and extensions are read once, in two
   * queries, instead of two queries per line.
   */
  DoseValidation.RoutineRule forResidents(Collection<Long> residentIds) {
    Set<Long> qualified = qualifications.holding(residentIds);
    Map<Long, List<Eligibility.Extension>> extended = extensions.ofResidents(residentIds);
    return (resident, vaccine, date, priors) -> vaccine.vaccine().routine()
        ? broken(resident, vaccine, date, priors, qualified.contains(resident.id()),
            extended.getOrDefault(resident.id(), List.of()))
        : Optional.empty();
  }

  private Optional<String> broken(ResidentRef resident, DoseValidation.VaccineName vaccine, LocalDate date,
      Collection<DoseValidation.PriorDose> priors, boolean qualified, List<Eligibility.Extension> extended) {
    VaccineEligibility judged = eligibility.forVaccine(vaccine.vaccine().name(), resident.birthDate(),
        resident.sex(), priors.stream().filter(prior -> prior.date().isBefore(date) || prior.date().equals(date)
            && prior.vaccine() != vaccine.vaccine())
            .map(prior -> new DoseRecords.Dose(prior.recorded(), prior.category(), prior.date(), null, null))
            .toList(), qualified, extended, date);
    if (judged.status() == Status.ELIGIBLE) {
      return Optional.empty();
    }
    return Optional.of(switch (judged.status()) {
      case UPCOMING -> "接種時期前";
      case OVERDUE -> "接種期間外";
      case COMPLETED -> "接種回数の超過";
      default -> "対象者外";
    } + ": " + judged.reason());
  }
}
