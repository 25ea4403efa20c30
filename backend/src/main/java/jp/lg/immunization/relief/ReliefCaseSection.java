package jp.lg.immunization.relief;

import jp.lg.immunization.resident.ResidentCaseSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resident's relief claims on their case page, each a link to the claim. */
@Configuration(proxyBeanMethods = false)
class ReliefCaseSection {

  @Bean
  ResidentCaseSection reliefClaimSection(ReliefViews views) {
    return ResidentCaseSection.named("reliefClaims", (resident, on) -> views.ofResident(resident));
  }
}
