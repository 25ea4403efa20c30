package jp.lg.immunization.relief;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable waits of a relief claim, as ISO 8601 durations: how often staff follow up the Ministry's pending
 * decision, how often pensions and allowances are paid (a period: P1M, P3M), and how long a 不支給 decision can be
 * appealed. They are fixed as process variables when a claim starts, so a configuration change never moves a running
 * case's timers.
 *
 * <p>Two periods date the steps that follow an outside event, fixed when the event arrives: the city's standard
 * processing period (標準処理期間, 行政手続法6条) from the Ministry's notice to the approved payment decision, and the
 * prefecture's standard review period of an appeal (標準審理期間, 行政不服審査法16条) from its filing to the ruling the
 * office records. Periods are counted as the law counts them: the first day is not counted (民法140条), and the step is
 * due by the end of the last day. The task list dates these steps by them, or earlier by their SLA target.
 */
@Component
class ReliefSettings {

  static final String REMINDER_INTERVAL = "reminderInterval";
  static final String APPEAL_PERIOD = "appealPeriod";
  /** Process variables read by the due dates of the decision steps and of the appeal's ruling in relief-claim.bpmn. */
  static final String DECISION_DUE_AT = "decisionDueAt";
  static final String APPEAL_RULING_DUE_AT = "appealRulingDueAt";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final String reminderInterval;
  private final String paymentInterval;
  private final String appealPeriod;
  private final Period decisionPeriod;
  private final Period appealReviewPeriod;

  ReliefSettings(@Value("${immunization.relief.reminder-interval:P90D}") String reminderInterval,
                 @Value("${immunization.relief.payment-interval:P1M}") String paymentInterval,
                 @Value("${immunization.relief.appeal-period:P3M}") String appealPeriod,
                 @Value("${immunization.relief.decision-period:P30D}") String decisionPeriod,
                 @Value("${immunization.relief.appeal-review-period:P6M}") String appealReviewPeriod) {
    this.reminderInterval = checked("reminder-interval", reminderInterval);
    this.paymentInterval = Period.parse(paymentInterval).toString();
    if (Period.parse(paymentInterval).isZero() || Period.parse(paymentInterval).isNegative()) {
      throw new IllegalArgumentException("immunization.relief.payment-interval must be a positive period (P1M)");
    }
    this.appealPeriod = checked("appeal-period", appealPeriod);
    this.decisionPeriod = positive("decision-period", decisionPeriod);
    this.appealReviewPeriod = positive("appeal-review-period", appealReviewPeriod);
  }

  private static Period positive(String name, String value) {
    Period period = Period.parse(value);
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("immunization.relief." + name + " must be a positive period: " + value);
    }
    return period;
  }

  /** When the payment decision on a Ministry notice received that day is due (approved). */
  Map<String, Object> decisionDue(LocalDate noticeReceivedOn) {
    return Map.of(DECISION_DUE_AT, endOf(noticeReceivedOn.plus(decisionPeriod)));
  }

  /** When the ruling on an appeal filed that day is expected, and the step recording it due. */
  Map<String, Object> appealRulingDue(LocalDate filedOn) {
    return Map.of(APPEAL_RULING_DUE_AT, endOf(filedOn.plus(appealReviewPeriod)));
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(JAPAN).minusMinutes(1).toInstant());
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
