package jp.lg.immunization.subsidy;

import jp.lg.immunization.resident.ResidentCaseSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resident's co-pay exemption applications on their case page, each a link to the application. */
@Configuration(proxyBeanMethods = false)
class CoPayCaseSection {

  @Bean
  ResidentCaseSection copayExemptionSection(CoPayExemptionViews views) {
    return ResidentCaseSection.named("copayExemptions", (resident, on) -> views.ofResident(resident.id()));
  }
}
