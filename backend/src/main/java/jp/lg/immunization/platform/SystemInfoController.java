package jp.lg.immunization.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SystemInfoController {

  record SystemInfo(boolean demoMode, boolean simulators, String version) {}

  private final SystemInfo info;

  SystemInfoController(DemoMode demoMode, @Value("${immunization.simulators.enabled:false}") boolean simulators,
                       @Value("${immunization.version:dev}") String version) {
    this.info = new SystemInfo(demoMode.enabled(), simulators, version);
  }

  @GetMapping("/api/system")
  SystemInfo system() {
    return info;
  }
}
