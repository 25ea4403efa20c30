package jp.lg.immunization.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SIMULATOR of 住基ネット / 市町村CS: answers identity lookups asynchronously, after a delay and only
 * once the request has really left (after commit), with synthetic identity data. It finds nobody for a
 * name containing フメイ, and fails as often as it is told to. It keeps what it was asked, as the other
 * side would, so that tests can check what left the city.
 */
@Component
class ResidentNetworkSimulator implements ResidentNetworkPort {

  private static final Logger log = LoggerFactory.getLogger(ResidentNetworkSimulator.class);
  static final String NOT_FOUND_MARKER = "フメイ";

  private final IdentityLookupAnswers answers;
  private final Clock clock;
  private final Duration delay;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "resident-network-simulator");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger failuresToSimulate = new AtomicInteger();
  private final Map<String, IdentityQuery> pending = new LinkedHashMap<>();
  private final List<String> received = new ArrayList<>();
  private volatile boolean autoAnswer;

  ResidentNetworkSimulator(@Lazy IdentityLookupAnswers answers, Clock clock,
                           @Value("${immunization.simulators.resident-network.auto-answer:true}") boolean autoAnswer,
                           @Value("${immunization.simulators.resident-network.answer-delay:PT2S}") Duration delay) {
    this.answers = answers;
    this.clock = clock;
    this.autoAnswer = autoAnswer;
    this.delay = delay;
  }

  @Override
  public void requestIdentityLookup(String requestId, IdentityQuery query) {
    if (failuresToSimulate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ResidentNetworkUnavailableException("市町村CS（シミュレーター）に接続できません");
    }
    synchronized (this) {
      received.add(requestId);
      pending.put(requestId, query);
    }
    if (autoAnswer) {
      afterCommit(() -> scheduler.schedule(() -> deliver(requestId), delay.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** Answers every request not answered yet, now, in the calling thread. */
  void deliverPendingAnswers() {
    List<String> ids;
    synchronized (this) {
      ids = new ArrayList<>(pending.keySet());
    }
    ids.forEach(this::deliver);
  }

  /** Delivers the last answer again, as a network may. */
  void redeliver(String requestId, IdentityQuery query) {
    answers.accept(requestId, answerFor(query));
  }

  void failNextRequests(int count) {
    failuresToSimulate.set(count);
  }

  void autoAnswer(boolean enabled) {
    this.autoAnswer = enabled;
  }

  synchronized List<String> receivedRequests() {
    return List.copyOf(received);
  }

  synchronized void reset() {
    pending.clear();
    received.clear();
    failuresToSimulate.set(0);
  }

  private void deliver(String requestId) {
    IdentityQuery query;
    synchronized (this) {
      query = pending.remove(requestId);
    }
    if (query == null) {
      return;
    }
    try {
      answers.accept(requestId, answerFor(query));
    } catch (RuntimeException e) {
      log.warn("Simulated 市町村CS answer to request {} could not be delivered: {}", requestId, e.toString());
    }
  }

  /** The same query always finds the same synthetic person. */
  IdentityAnswer answerFor(IdentityQuery query) {
    if (query.nameKana().contains(NOT_FOUND_MARKER)) {
      return IdentityAnswer.notFound();
    }
    String[] kana = query.nameKana().trim().split("[\\s　]+", 2);
    String familyKana = kana[0];
    String givenKana = kana.length > 1 ? kana[1] : "";
    GeneratedResident template = new SyntheticResidentGenerator(query.hashCode(), LocalDate.now(clock))
        .generate(1).get(0);
    PersonName name = new PersonName(
        SyntheticResidentGenerator.kanjiForKana(familyKana).orElse(familyKana),
        SyntheticResidentGenerator.kanjiForKana(givenKana).orElse(givenKana), familyKana, givenKana);
    String address = template.address().replace("埼玉県架空市", "東京都架空区");
    return new IdentityAnswer(new IdentityAnswer.Person(name, query.birthDate(), query.sex(), address,
        template.myNumber()));
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }
}
