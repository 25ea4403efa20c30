package jp.lg.immunization.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Bean
  Clock clock() {
    return Clock.system(JAPAN);
  }
}
