package jp.lg.immunization.resident;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 住基ネット and 統合宛名システム ports where their simulators are off and no real adapter exists yet. */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class ResidentPorts {

  @Bean
  ResidentNetworkPort residentNetworkNotConnected() {
    return NotConnected.port(ResidentNetworkPort.class, "住基ネット（市町村CS）");
  }

  @Bean
  IntegratedAddresseePort integratedAddresseeNotConnected() {
    return NotConnected.port(IntegratedAddresseePort.class, "団体内統合宛名システム");
  }
}
