package jp.lg.immunization.relief;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Ministry port where its simulator is off and no real adapter exists yet. */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class ReliefPorts {

  @Bean
  ReliefMinistryPort ministryNotConnected() {
    return NotConnected.port(ReliefMinistryPort.class, "厚生労働省（都道府県経由）");
  }
}
