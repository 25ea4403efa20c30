package jp.lg.immunization.resident;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 住基ネット port where its simulator is off and no real adapter exists yet. */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class ResidentPorts {

  @Bean
  ResidentNetworkPort residentNetworkNotConnected() {
    return NotConnected.port(ResidentNetworkPort.class, "住基ネット（市町村CS）");
  }
}
