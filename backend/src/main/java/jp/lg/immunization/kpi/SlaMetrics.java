package jp.lg.immunization.kpi;

import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.platform.BusinessMetric;
import jp.lg.immunization.workflow.ProcessFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open steps past their SLA target, per process and step, counted in business days as the dashboard counts them (a
 * step is past it once it has been open more business days than its target).
 */
@Configuration(proxyBeanMethods = false)
class SlaMetrics {

  @Bean
  BusinessMetric tasksPastSlaMetric(JdbcTemplate jdbc, SlaTargets slaTargets, Clock clock) {
    return BusinessMetric.of("immunization.tasks.past.sla", "Open user tasks past their SLA target (business days)",
        () -> {
          SlaTargets.Resolver targets = slaTargets.resolver();
          LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
          Map<Tags, Long> values = new HashMap<>();
          jdbc.query("""
              select t.process_key, t.task_key, today.ordinal - s.ordinal as open_days, sum(t.steps)
              from %s t
              join kpi_business_day s on s.day = t.created_day
              join kpi_business_day today on today.day = ?
              group by 1, 2, 3""".formatted(ProcessFacts.openStepDays()), rs -> {
            Tags tags = Tags.of("process", rs.getString(1), "step", rs.getString(2));
            boolean past = rs.getInt(3) > targets.target(SlaTargets.Scope.TASK, rs.getString(2)).businessDays();
            values.merge(tags, past ? rs.getLong(4) : 0L, Long::sum);
          }, today);
          return values;
        });
  }
}
