package jp.lg.immunization.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import jp.lg.immunization.platform.OfficeCalendar;
import jp.lg.immunization.workflow.StepTargets;
import org.springframework.stereotype.Component;

/**
 * Each new step's due date from its SLA target: the target's number of business days after the day it was created,
 * at the office's closing time that day (a step created on Friday with a target of 2 is due on Tuesday at 17:15).
 */
@Component
class SlaDueDates implements StepTargets {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final SlaTargets targets;
  private final OfficeCalendar calendar;

  SlaDueDates(SlaTargets targets, OfficeCalendar calendar) {
    this.targets = targets;
    this.calendar = calendar;
  }

  @Override
  public Optional<Instant> dueBy(String processKey, String taskKey, Instant created) {
    int businessDays = targets.resolver().target(SlaTargets.Scope.TASK, taskKey).businessDays();
    return Optional.of(closingAfter(calendar, created.atZone(JAPAN).toLocalDate(), businessDays));
  }

  /** Closing time of the {@code businessDays}th business day after {@code day}. */
  static Instant closingAfter(OfficeCalendar calendar, LocalDate day, int businessDays) {
    LocalDate counting = day;
    for (int counted = 0; counted < businessDays; ) {
      counting = counting.plusDays(1);
      if (calendar.isBusinessDay(counting)) {
        counted++;
      }
    }
    return counting.atTime(calendar.closesAt()).atZone(JAPAN).toInstant();
  }
}
