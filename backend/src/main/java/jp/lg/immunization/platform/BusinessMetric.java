package jp.lg.immunization.platform;

import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A business figure that operators watch beside HTTP, pool and JVM metrics (open tasks per step, tasks past SLA,
 * incidents, ...), contributed by the module that owns the data. {@link BusinessMetrics} reads every one on a schedule,
 * not per scrape, so a heavy count costs the database once a refresh whatever the number of scrapers. Values are
 * counts per tag set; tags name steps, systems or states, never residents.
 */
public interface BusinessMetric {

  /** The metric's name, e.g. {@code immunization.tasks.open}; Prometheus shows it as {@code immunization_tasks_open}. */
  String name();

  String description();

  /** The current values; a tag set that disappears from one reading to the next is dropped from the metric. */
  Map<Tags, ? extends Number> read();

  static BusinessMetric of(String name, String description, Supplier<Map<Tags, ? extends Number>> reading) {
    return new BusinessMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Map<Tags, ? extends Number> read() {
        return reading.get();
      }
    };
  }
}
