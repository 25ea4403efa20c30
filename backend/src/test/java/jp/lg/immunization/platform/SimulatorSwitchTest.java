package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.lg.immunization.ImmunizationOfficeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Simulators of national and city systems are switched on with demo mode and never load in a production
 * configuration: there, no simulator bean exists, no simulator endpoint answers, every port is served by an adapter,
 * and the UI is told there are no simulators.
 */
class SimulatorSwitchTest {

  /** Without demo mode, as in production: every key configured (README, Configuration). */
  private static final String[] PRODUCTION = {"--immunization.demo.enabled=false",
      "--immunization.data-dir=target/production-configuration-test",
      "--immunization.security.totp-key=cHJvZHVjdGlvbi1jb25maWd1cmF0aW9uLXRlc3RzMzI=",
      "--immunization.audit.mac-key=cHJvZHVjdGlvbi1hdWRpdC1tYWMta2V5LXRlc3QzMjE=",
      "--immunization.audit.signing-key=cHJvZHVjdGlvbi1hdWRpdC1zaWduaW5nLWtleS0zMjE=", "--server.port=0"};

  @Test
  void R07_aProductionConfigurationStartsWithoutAnySimulatorOrSimulatorEndpointAndHidesTheApiDescription()
      throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ImmunizationOfficeApplication.class)
        .profiles("test")
        .run(PRODUCTION)) {
      assertThat(simulatorBeans(app)).isEmpty();
      assertThat(paths(app)).noneMatch(path -> path.contains("/simulators"));
      assertThat(app.getBean(SystemInfoController.class).system().simulators()).isFalse();
      // R07 (issue 15): outside demo mode the API description is for administrators only.
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/v3/api-docs", "/swagger-ui.html")) {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(401);
      }
    }
  }

  /** A simulated Ministry 認定 allows relief payments: simulators switched on without demo mode stop the start-up. */
  @Test
  void R33_simulatorsSwitchedOnWithoutDemoModeStopTheStartUp() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ImmunizationOfficeApplication.class).profiles("test")
        .run(Stream.concat(Arrays.stream(PRODUCTION), Stream.of(
            "--immunization.simulators.enabled=true")).toArray(String[]::new)).close())
        .hasRootCauseMessage(SimulatorsNeedDemoMode.REFUSAL);
  }

  private static List<String> simulatorBeans(ConfigurableApplicationContext app) {
    return Arrays.stream(app.getBeanDefinitionNames())
        .filter(name -> {
          Class<?> type = app.getType(name);
          return type != null && ClassUtils.getUserClass(type).isAnnotationPresent(SimulatorsOnly.class);
        })
        .toList();
  }

  private static List<String> paths(ConfigurableApplicationContext app) {
    return app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
        .keySet().stream().flatMap(info -> info.getPatternValues().stream()).toList();
  }
}
