package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Business figures per tag set: refreshed on a schedule, a vanished tag set dropped, an outage keeps the last values. */
class BusinessMetricsTest {

  @Test
  void gaugesFollowEachReadingAndKeepTheLastValuesWhenAReadingFails() {
    AtomicReference<Map<Tags, Long>> reading = new AtomicReference<>(Map.of(
        Tags.of("process", "NonResidentConfirmation", "step", "ProposeMatch"), 3L,
        Tags.of("process", "NonResidentConfirmation", "step", "DoubleCheckMatch"), 1L));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BusinessMetrics metrics = new BusinessMetrics(List.of(BusinessMetric.of("immunization.tasks.open", "open tasks",
        () -> {
          Map<Tags, Long> values = reading.get();
          if (values == null) {
            throw new IllegalStateException("database down");
          }
          return values;
        })), registry);
    metrics.afterSingletonsInstantiated();

    metrics.refresh();
    assertThat(registry.get("immunization.tasks.open").tag("step", "ProposeMatch").gauge().value()).isEqualTo(3);
    assertThat(registry.get("immunization.tasks.open").gauges()).hasSize(2);

    reading.set(Map.of(Tags.of("process", "NonResidentConfirmation", "step", "ProposeMatch"), 2L));
    metrics.refresh();
    assertThat(registry.get("immunization.tasks.open").gauges()).hasSize(1);
    assertThat(registry.get("immunization.tasks.open").tag("step", "ProposeMatch").gauge().value()).isEqualTo(2);

    reading.set(null);
    metrics.refresh();
    assertThat(registry.get("immunization.tasks.open").tag("step", "ProposeMatch").gauge().value()).isEqualTo(2);
    assertThat(registry.get("immunization.metrics.refresh.failures").counter().count()).isEqualTo(1);
  }
}
