package jp.lg.immunization.subsidy;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 庁内連携 port where its simulator is off and no real adapter exists yet. ぴったりサービス needs none: its
 * applications come in through {@link ElectronicApplications#receive}, and without the simulator nothing calls it.
 */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class SubsidyPorts {

  @Bean
  CityLinkagePort cityLinkageNotConnected() {
    return NotConnected.port(CityLinkagePort.class, "庁内連携システム");
  }
}
