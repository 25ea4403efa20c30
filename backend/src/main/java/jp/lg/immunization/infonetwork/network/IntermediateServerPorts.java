package jp.lg.immunization.infonetwork.network;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 中間サーバー port where its simulator is off and no real adapter exists yet. */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class IntermediateServerPorts {

  @Bean
  IntermediateServerPort intermediateServerNotConnected() {
    return NotConnected.port(IntermediateServerPort.class, "中間サーバー");
  }
}
