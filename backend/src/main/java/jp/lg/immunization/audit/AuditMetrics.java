package jp.lg.immunization.audit;

import io.micrometer.core.instrument.Tags;
import java.util.Map;
import jp.lg.immunization.platform.BusinessMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last verification of the audit chain for operators' alerts: 1 intact, 0 broken, -1 never verified; and when it
 * ran, so that a nightly run that stopped happening is noticed too.
 */
@Configuration(proxyBeanMethods = false)
class AuditMetrics {

  @Bean
  BusinessMetric auditVerificationMetric(AuditVerificationRuns runs) {
    return BusinessMetric.of("immunization.audit.verification.intact",
        "Last audit chain verification: 1 intact, 0 broken, -1 never run",
        () -> Map.of(Tags.empty(), runs.latest().map(run -> run.intact() ? 1 : 0).orElse(-1)));
  }

  @Bean
  BusinessMetric auditVerificationTimeMetric(AuditVerificationRuns runs) {
    return BusinessMetric.of("immunization.audit.verification.last.run.seconds",
        "When the audit chain was last verified (epoch seconds)",
        () -> runs.latest().map(run -> Map.of(Tags.empty(), run.ranAt().getEpochSecond())).orElse(Map.of()));
  }
}
