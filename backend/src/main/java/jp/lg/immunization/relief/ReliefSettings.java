package jp.lg.immunization.relief;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable waits of a relief claim, as ISO 8601 durations: how often staff follow up the Ministry's pending
 * decision, how often pensions and allowances are paid (a period: P1M, P3M), and how long a 不支給 decision can be
 * appealed. They are fixed as process variables when a claim starts, so a configuration change never moves a running
 * case's timers.
 */
@Component
class ReliefSettings {

  static final String REMINDER_INTERVAL = "reminderInterval";
  static final String APPEAL_PERIOD = "appealPeriod";

  private final String reminderInterval;
  private final String paymentInterval;
  private final String appealPeriod;

  ReliefSettings(@Value("${immunization.relief.reminder-interval:P90D}") String reminderInterval,
                 @Value("${immunization.relief.payment-interval:P1M}") String paymentInterval,
                 @Value("${immunization.relief.appeal-period:P3M}") String appealPeriod) {
    this.reminderInterval = checked("reminder-interval", reminderInterval);
    this.paymentInterval = Period.parse(paymentInterval).toString();
    if (Period.parse(paymentInterval).isZero() || Period.parse(paymentInterval).isNegative()) {
      throw new IllegalArgumentException("immunization.relief.payment-interval must be a positive period (P1M)");
    }
    this.appealPeriod = checked("appeal-period", appealPeriod);
  }

  private static String checked(String name, String value) {
    try {
      if (value.contains("T")) {
        Duration.parse(value);
      } else {
        Period.parse(value);
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("immunization.relief." + name + " is not an ISO 8601 duration: " + value, e);
    }
  }

  Map<String, Object> processVariables() {
    return Map.of(REMINDER_INTERVAL, reminderInterval, PaymentSteps.INTERVAL, paymentInterval,
        APPEAL_PERIOD, appealPeriod);
  }
}
