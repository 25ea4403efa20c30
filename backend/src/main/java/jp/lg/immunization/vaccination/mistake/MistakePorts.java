package jp.lg.immunization.vaccination.mistake;

import jp.lg.immunization.platform.NotConnected;
import jp.lg.immunization.platform.WithoutSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prefecture port where its simulator is off and no real adapter exists yet. */
@Configuration(proxyBeanMethods = false)
@WithoutSimulators
class MistakePorts {

  @Bean
  PrefectureReportPort prefectureReportNotConnected() {
    return NotConnected.port(PrefectureReportPort.class, "都道府県（予防接種の間違い報告）");
  }
}
