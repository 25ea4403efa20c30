package jp.lg.immunization.vrs;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The VRS port where its simulator is off and no real adapter exists yet: every call is refused (an incident). */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class VrsPorts {

  @Bean
  VrsPort vrsNotConnected() {
    return NotConnected.port(VrsPort.class, "ワクチン接種記録システム");
  }
}
