package jp.lg.immunization.workflow;

import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.platform.BusinessMetric;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The workflow's figures for operators: open steps, incidents and jobs that failed for good, per process and step. */
@Configuration(proxyBeanMethods = false)
class WorkflowMetrics {

  @Bean
  BusinessMetric openTasksMetric(JdbcTemplate jdbc) {
    return BusinessMetric.of("immunization.tasks.open", "Open user tasks per process and step", () -> {
      Map<Tags, Long> values = new HashMap<>();
      // From the counts kept as steps change: a few rows per step, not every open step every refresh.
      jdbc.query("select process_key, task_key, sum(steps) from " + ProcessFacts.openStepDays() + " o group by 1, 2",
          rs -> {
            values.put(Tags.of("process", rs.getString(1), "step", rs.getString(2)), rs.getLong(3));
          });
      return values;
    });
  }

  @Bean
  BusinessMetric incidentsMetric(RuntimeService runtime) {
    return BusinessMetric.of("immunization.incidents.open", "Open incidents (steps that failed after all retries)",
        () -> Map.of(Tags.empty(), runtime.createIncidentQuery().count()));
  }

  @Bean
  BusinessMetric failedJobsMetric(ManagementService management) {
    return BusinessMetric.of("immunization.jobs.failed", "Engine jobs with no retries left",
        () -> Map.of(Tags.empty(), management.createJobQuery().noRetriesLeft().count()));
  }
}
