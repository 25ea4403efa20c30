package jp.lg.immunization.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.resident.ResidentCohorts;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.vaccination.Eligibility;
import jp.lg.immunization.vaccination.VaccineEligibility;

/** What the outreach API shows. No 個人番号, not even masked: cohort lists have no use for it. */
final class OutreachViews {

  private OutreachViews() {}

  /**
   * @param eligibility where the resident stands for the chosen vaccine, null when none was chosen
   * @param questionnaireIssuedAt when a 予診票 of the chosen vaccine was last issued to the resident
   */
  record Row(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate, int ageYears,
             int ageMonths, Sex sex, String postalCode, String address, String district, String residentStatus,
             VaccineEligibility eligibility, Instant questionnaireIssuedAt) {

    static Row of(Cohorts.Row row, LocalDate asOf, Map<Long, Instant> issued) {
      ResidentCohorts.Member member = row.member();
      return new Row(member.id(), member.addresseeNumber(), member.nameKanji(), member.nameKana(), member.birthDate(),
          AgeBand.completed(AgeBand.AgeUnit.YEARS, member.birthDate(), asOf),
          AgeBand.completed(AgeBand.AgeUnit.MONTHS, member.birthDate(), asOf), member.sex(), member.postalCode(),
          member.address(), member.district(), member.status(), row.eligibility(), issued.get(member.id()));
    }
  }

  /** @param asOf the day ages and vaccine status are judged on (today) */
  record Page(List<Row> items, int page, int size, long total, LocalDate asOf) {}

  /** What the search form offers: the routine vaccines, the districts and the limits of one export or print run. */
  record Options(List<Eligibility.RoutineVaccine> vaccines, List<String> districts, int maxExportRows,
                 int maxQuestionnaires, int maxEvaluated) {}
}
