package jp.lg.immunization.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The behaviour shared by the simulators of national systems: requests are recorded as the other side
 * would see them, answered asynchronously (after the sending transaction commits, after a delay), or
 * on demand in tests; a request can be made to fail (transport failure) or to go unanswered (timeout), and the
 * whole link can be down for a period (an outage of the other side, see SimulatorOutages).
 */
public final class SimulatedLink<Q> {

  private static final Logger log = LoggerFactory.getLogger(SimulatedLink.class);

  private final String name;
  private final Duration delay;
  private final BiConsumer<String, Q> answer;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger drops = new AtomicInteger();
  private final Map<String, Q> pending = new LinkedHashMap<>();
  private final List<Q> received = new ArrayList<>();
  private volatile boolean autoAnswer;
  private volatile Instant downUntil = Instant.MIN;

  public SimulatedLink(String name, boolean autoAnswer, Duration delay, BiConsumer<String, Q> answer) {
    this.name = name;
    this.autoAnswer = autoAnswer;
    this.delay = delay;
    this.answer = answer;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name + "-simulator");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** True when this request is to fail as a transport failure would; the caller throws its own exception. */
  public boolean failsNow() {
    if (Instant.now().isBefore(downUntil)) {
      return true;
    }
    return failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Records the request and schedules its answer, unless it is to go unanswered. */
  public void accept(String requestId, Q request) {
    synchronized (this) {
      received.add(request);
      if (drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return;
      }
      pending.put(requestId, request);
    }
    if (autoAnswer) {
      AfterCommit.run(() -> scheduler.schedule(() -> deliver(requestId), delay.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** Answers every request not answered yet, now, in the calling thread. */
  public void deliverPending() {
    List<String> ids;
    synchronized (this) {
      ids = new ArrayList<>(pending.keySet());
    }
    ids.forEach(this::deliver);
  }

  public void failNext(int count) {
    failures.set(count);
  }

  /** Every request fails from now for the given period (zero ends an outage). */
  public void downFor(Duration period) {
    downUntil = Instant.now().plus(period);
  }

  public String name() {
    return name;
  }

  public void dropNext(int count) {
    drops.set(count);
  }

  public void autoAnswer(boolean enabled) {
    this.autoAnswer = enabled;
  }

  public synchronized List<Q> received() {
    return List.copyOf(received);
  }

  public synchronized void reset() {
    pending.clear();
    received.clear();
    failures.set(0);
    drops.set(0);
    downUntil = Instant.MIN;
  }

  private void deliver(String requestId) {
    Q request;
    synchronized (this) {
      request = pending.remove(requestId);
    }
    if (request == null) {
      return;
    }
    try {
      answer.accept(requestId, request);
    } catch (RuntimeException e) {
      log.warn("{} simulator: the answer to request {} could not be delivered: {}", name, requestId, e.toString());
    }
  }
}
