package jp.lg.immunization.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends again every outbox entry that has awaited its answer longer than {@code immunization.outbound.resend-after}:
 * the answer was lost (the app was killed while the other side answered, the link dropped it), and the request id
 * makes the repeat harmless. Runs on every node; an entry is taken with SKIP LOCKED, so each is sent by one node, in a
 * transaction of its own. Entries unanswered after {@code give-up-after} stop (the case's own timeout decides), and
 * ended entries are deleted after {@code keep}.
 */
@Component
public class OutboundRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboundRelay.class);
  private static final int BATCH = 100;

  private final OutboundCalls calls;
  private final OutboundInterception ports;
  private final TransactionTemplate transactions;
  private final Duration giveUpAfter;
  private final Duration keep;

  OutboundRelay(OutboundCalls calls, OutboundInterception ports, TransactionTemplate transactions,
                @Value("${immunization.outbound.give-up-after:P1D}") Duration giveUpAfter,
                @Value("${immunization.outbound.keep:P7D}") Duration keep) {
    this.calls = calls;
    this.ports = ports;
    this.transactions = transactions;
    this.giveUpAfter = giveUpAfter;
    this.keep = keep;
  }

  @Scheduled(fixedDelayString = "${immunization.outbound.relay-interval:PT15S}",
      initialDelayString = "${immunization.outbound.relay-interval:PT15S}")
  public void relay() {
    transactions.executeWithoutResult(status -> {
      calls.giveUp(giveUpAfter);
      calls.deleteEnded(keep);
    });
    int sent = 0;
    for (long id : calls.due(BATCH)) {
      Boolean done = transactions.execute(status -> calls.lockIfDue(id).map(this::sendAgain).orElse(false));
      sent += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    if (sent > 0) {
      log.info("Outbox: {} unanswered calls sent again", sent);
    }
  }

  /** Returns whether the entry was sent; a failure is noted on it and tried again after the same interval. */
  private boolean sendAgain(OutboundCalls.Due due) {
    Optional<OutboundInterception.Adapter> adapter = ports.adapter(due.port(), due.method());
    if (adapter.isEmpty()) {
      calls.sentAgain(due.id(), "no adapter for " + due.port());
      return false;
    }
    Method method = adapter.get().method();
    try {
      method.setAccessible(true);
      method.invoke(adapter.get().target(), calls.arguments(method, due.arguments()));
      calls.sentAgain(due.id(), null);
      return true;
    } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
      // The failure's type only: messages may carry what was sent.
      log.warn("Outbox: {} request {} could not be sent again ({})", due.system(), due.requestId(),
          cause.getClass().getSimpleName());
      calls.sentAgain(due.id(), cause.getClass().getSimpleName());
      return false;
    }
  }
}
