package jp.lg.immunization.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * How a failed {@code @Scheduled} run is logged. While PostgreSQL is down or restarting, every job that runs (outbox
 * relay, metrics refresh, …) fails the same known way and runs again at its next trigger: one warning line each,
 * naming the cause, instead of Spring's "Unexpected error" with a full stack trace. Any other failure keeps its error
 * and stack trace.
 */
@Component
class ScheduledTaskErrors implements ThreadPoolTaskSchedulerCustomizer, ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

  @Override
  public void customize(ThreadPoolTaskScheduler scheduler) {
    scheduler.setErrorHandler(this);
  }

  @Override
  public void handleError(Throwable failure) {
    if (DatabaseUnavailable.causes(failure)) {
      log.warn("A scheduled task did not run: the database is unavailable ({}); it runs again at its next trigger",
          deepest(failure));
    } else {
      log.error("Unexpected error occurred in scheduled task", failure);
    }
  }

  /** The root cause's type and message: the driver's or the pool's own words, without data. */
  private static String deepest(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
