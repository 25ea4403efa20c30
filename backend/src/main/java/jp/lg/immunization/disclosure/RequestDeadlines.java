package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadline of a request (R28): a decision within 30 days of receipt, counted in calendar days as the law counts
 * periods (the day of receipt is not counted, 民法140条), so a request received on April 1 is due on May 1; one
 * extension adds 30 days. The process watches it with timers: a reminder {@code immunization.resident-request
 * .reminder-before} before the due date (P5D by default) and the overdue mark at the start of the day after it.
 */
@Component
class RequestDeadlines {

  static final int DECISION_DAYS = 30;
  static final int EXTENSION_DAYS = 30;
  static final String REMINDER_AT = "reminderAt";
  static final String OVERDUE_AT = "overdueAt";
  /** The case's deadline in law: the task list dates every step of the request by it at the latest. */
  static final String DUE_AT = CaseStarter.LEGAL_DEADLINE;
  static final String EXTENDED = "deadlineExtended";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final Period reminderBefore;

  RequestDeadlines(@Value("${immunization.resident-request.reminder-before:P5D}") String reminderBefore) {
    this.reminderBefore = Period.parse(reminderBefore);
    if (this.reminderBefore.isNegative() || this.reminderBefore.isZero()) {
      throw new IllegalArgumentException("immunization.resident-request.reminder-before must be a positive period (P5D)");
    }
  }

  static LocalDate dueOn(LocalDate receivedOn) {
    return receivedOn.plusDays(DECISION_DAYS);
  }

  static LocalDate extended(LocalDate dueOn) {
    return dueOn.plusDays(EXTENSION_DAYS);
  }

  /** The timer dates of a due date, as process variables (dates are no personal data). */
  Map<String, Object> timerVariables(LocalDate dueOn) {
    ZonedDateTime overdue = dueOn.plusDays(1).atStartOfDay(JAPAN);
    return Map.of(REMINDER_AT, Date.from(dueOn.minus(reminderBefore).atStartOfDay(JAPAN).toInstant()),
        OVERDUE_AT, Date.from(overdue.toInstant()),
        DUE_AT, Date.from(overdue.minusMinutes(1).toInstant()));
  }
}
