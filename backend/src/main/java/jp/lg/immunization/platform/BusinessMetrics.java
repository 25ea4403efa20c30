package jp.lg.immunization.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every {@link BusinessMetric} as a gauge and refreshes them all every
 * {@code immunization.metrics.refresh-interval}. A reading that fails (the database is down) keeps the last values
 * and counts the failure in {@code immunization.metrics.refresh.failures}, so a dashboard shows the outage instead of
 * a sudden zero.
 */
@Component
class BusinessMetrics implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

  private final List<BusinessMetric> metrics;
  private final MeterRegistry registry;
  private final Map<BusinessMetric, MultiGauge> gauges = new LinkedHashMap<>();

  BusinessMetrics(List<BusinessMetric> metrics, MeterRegistry registry) {
    this.metrics = metrics;
    this.registry = registry;
  }

  @Override
  public void afterSingletonsInstantiated() {
    metrics.forEach(metric -> gauges.put(metric,
        MultiGauge.builder(metric.name()).description(metric.description()).register(registry)));
  }

  @Scheduled(fixedDelayString = "${immunization.metrics.refresh-interval:PT30S}",
      initialDelayString = "${immunization.metrics.refresh-interval:PT30S}")
  void refresh() {
    gauges.forEach((metric, gauge) -> {
      try {
        Map<Tags, ? extends Number> values = metric.read();
        gauge.register(values.entrySet().stream()
            .map(value -> MultiGauge.Row.of(value.getKey(), value.getValue()))
            .toList(), true);
      } catch (RuntimeException e) {
        registry.counter("immunization.metrics.refresh.failures", "metric", metric.name()).increment();
        log.warn("Metric {} could not be read: {}", metric.name(), e.toString());
      }
    });
  }
}
