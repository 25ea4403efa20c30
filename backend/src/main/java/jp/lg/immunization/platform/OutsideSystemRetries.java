package jp.lg.immunization.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of every process step that calls a system outside the office (市町村CS, 中間サーバー, 庁内連携, VRS,
 * the prefecture and the Ministry). Those steps name it in their BPMN as {@code ${outsideSystemRetries.cycle}}, so
 * that an outage of the other side that an operator can sit out (half an hour by default) ends with every case going
 * on by itself instead of an incident per case; the intervals grow so that a long outage is not hammered.
 * A step that fails for a reason of its own still ends as an incident an administrator retries, only later.
 */
@Component("outsideSystemRetries")
public class OutsideSystemRetries {

  private final String cycle;

  OutsideSystemRetries(
      @Value("${immunization.outside-systems.retry-cycle:PT1M,PT2M,PT5M,PT10M,PT15M}") String cycle) {
    validate(cycle);
    this.cycle = cycle.replace(" ", "");
  }

  /**
   * Camunda's list form of a retry cycle: the step is attempted once more than there are intervals, and waits the
   * next interval after each failed attempt; after the last one it becomes an incident.
   */
  public String getCycle() {
    return cycle;
  }

  private static void validate(String cycle) {
    try {
      List<Duration> parsed = Arrays.stream(cycle.split(",")).map(String::trim).map(Duration::parse).toList();
      if (parsed.stream().anyMatch(interval -> interval.isNegative() || interval.isZero())) {
        throw new IllegalStateException("immunization.outside-systems.retry-cycle needs positive"
            + " ISO-8601 intervals separated by commas, e.g. PT1M,PT5M,PT15M; it is: " + cycle);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("immunization.outside-systems.retry-cycle is not a comma-separated list of"
          + " ISO-8601 intervals (e.g. PT1M,PT5M,PT15M): " + cycle, e);
    }
  }
}
