package jp.lg.immunization.reliability;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the harness counts while it runs; outage windows are marked so that their 5xx are told apart. */
final class Figures {

  final AtomicInteger flowsStarted = new AtomicInteger();
  final AtomicInteger flowsCompleted = new AtomicInteger();
  final AtomicInteger acknowledged = new AtomicInteger();
  final AtomicInteger unanswered = new AtomicInteger();
  final AtomicInteger serverErrors = new AtomicInteger();
  final AtomicInteger serverErrorsInOutage = new AtomicInteger();
  final AtomicInteger unavailable503InOutage = new AtomicInteger();
  final AtomicLong maxRecoveryMillis = new AtomicLong();
  private final java.util.List<String> failedFlows = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean outage;

  /** A flow the app refused in a way no clerk could go on from (an answer the harness did not expect). */
  void failed(String reason) {
    failedFlows.add(reason);
  }

  String failures() {
    return failedFlows.isEmpty() ? "" : "; flows failed: " + failedFlows.size() + " (first: " + failedFlows.get(0) + ")";
  }

  void outage(boolean on) {
    outage = on;
  }

  void answered(int status) {
    if (status >= 500) {
      (outage ? serverErrorsInOutage : serverErrors).incrementAndGet();
      if (outage && status == 503) {
        unavailable503InOutage.incrementAndGet();
      }
    }
  }

  void unanswered() {
    unanswered.incrementAndGet();
  }

  void recovered(long millis) {
    maxRecoveryMillis.accumulateAndGet(millis, Math::max);
  }
}
