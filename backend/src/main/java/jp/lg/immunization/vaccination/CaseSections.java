package jp.lg.immunization.vaccination;

import java.util.List;
import jp.lg.immunization.resident.ResidentCaseSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vaccination parts of the resident's case page: the doses received and the forecast (接種可能範囲), which
 * honours the resident's approved 長期療養特例 and a 60-64-year-old's qualifying disability for the B類 vaccines.
 */
@Configuration(proxyBeanMethods = false)
class CaseSections {

  @Bean
  ResidentCaseSection doseSection(DoseRecords doses) {
    return ResidentCaseSection.named("doses", (resident, on) -> doses.timeline(resident.id()));
  }

  @Bean
  ResidentCaseSection eligibilitySection(DoseRecords doses, Eligibility eligibility, EligibilityExtensions extensions,
                                         BClassQualifications qualifications) {
    return ResidentCaseSection.named("eligibility", (resident, on) -> !resident.living() ? List.of()
        : eligibility.forResident(resident.birthDate(), resident.sex(), doses.of(resident.id()),
            qualifications.holds(resident.id()), extensions.of(resident.id()), on));
  }

  @Bean
  ResidentCaseSection bClassQualificationSection(BClassQualifications qualifications) {
    return ResidentCaseSection.named("bClassQualifications", (resident, on) -> qualifications.of(resident.id()));
  }
}
