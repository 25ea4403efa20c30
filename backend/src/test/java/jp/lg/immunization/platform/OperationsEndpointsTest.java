package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Health for the load balancer and metrics for the monitoring (issue 16): the probes are open and say only UP or DOWN;
 * readiness covers the database, the engine and the migrations; metrics are for administrators where they share the
 * application's port (the test configuration), and hold the business figures beside HTTP, pool and JVM.
 */
@IntegrationTest
class OperationsEndpointsTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired BusinessMetrics businessMetrics;
  @Autowired org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler;


  @Test
  void livenessAndReadinessAreOpenAndReadinessCoversDatabaseEngineAndMigrations() throws Exception {
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.engine.status").value("UP"))
        .andExpect(jsonPath("$.components.migrations.status").value("UP"))
        .andExpect(jsonPath("$.components.migrations.details").doesNotExist());
    mvc.perform(get("/readyz")).andExpect(status().isOk());
    mvc.perform(get("/livez")).andExpect(status().isOk());
  }

  @Test
  void metricsAreForAdministratorsOnlyOnTheApplicationPort() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(users.as("staff1"))).andExpect(status().isForbidden());
    mvc.perform(get("/actuator/metrics").with(users.as("manager1"))).andExpect(status().isForbidden());
    mvc.perform(get("/actuator/health/readiness").with(users.as("admin1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.components.migrations.details.pending").value(0));
  }

  @Test
  void prometheusShowsHttpPoolJvmAndBusinessFigures() throws Exception {
    mvc.perform(get("/api/system")).andExpect(status().isOk());
    businessMetrics.refresh();
    String metrics = mvc.perform(get("/actuator/prometheus").with(users.as("admin1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(metrics).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
        "jvm_memory_used_bytes", "immunization_incidents_open{application=\"immunization-office\"}",
        "immunization_jobs_failed", "immunization_audit_verification_intact", "immunization_outbound_awaiting_answer");
  }

  @Test
  void healthShowsTheEnginesRealStateOnlyAndScheduledJobsLogOutagesInOneLine() throws Exception {
    // Camunda's own indicators say UP whatever the job executor does; `engine` (readiness) checks it instead.
    mvc.perform(get("/actuator/health").with(users.as("admin1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.components.engine.details.jobExecutor").exists())
        .andExpect(jsonPath("$.components.processEngine").doesNotExist())
        .andExpect(jsonPath("$.components.jobExecutor").doesNotExist());
    assertThat(scheduler).extracting("errorHandler").isInstanceOf(ScheduledTaskErrors.class);
  }
}
