package jp.lg.immunization.relief;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatedSystem;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the prefecture and the Ministry's review board (疾病・障害認定審査会): records what was forwarded and
 * answers asynchronously after a delay (a real answer takes months), or on demand; fails when told to. It recognises
 * a claim unless the investigation committee found no causal link, which it denies.
 */
@Component
@SimulatorsOnly
class ReliefMinistrySimulator implements ReliefMinistryPort, SimulatedSystem {

  private final MinistryDecisions decisions;
  private final SimulatedLink<ForwardedClaim> link;

  private final Clock clock;

  ReliefMinistrySimulator(@Lazy MinistryDecisions decisions, Clock clock,
                          @Value("${immunization.simulators.ministry.auto-answer:true}") boolean autoAnswer,
                          @Value("${immunization.simulators.ministry.answer-delay:PT30S}") Duration delay) {
    this.decisions = decisions;
    this.clock = clock;
    this.link = new SimulatedLink<>("ministry", autoAnswer, delay,
        (requestId, claim) -> decisions.accept(requestId, outcomeFor(claim), LocalDate.now(clock)));
  }

  @Override
  public void forward(ForwardedClaim claim) {
    if (link.failsNow()) {
      throw new MinistryUnavailableException("都道府県・厚生労働省（シミュレーター）に送信できません");
    }
    link.accept(claim.requestId(), claim);
  }

  static String outcomeFor(ForwardedClaim claim) {
    return "NOT_CAUSAL".equals(claim.committeeOpinion()) ? "DENIED" : "RECOGNISED";
  }

  void deliverPendingAnswers() {
    link.deliverPending();
  }

  /** Answers a forwarded claim now with the given outcome, as the Ministry would. */
  void decide(String requestId, String outcome) {
    decisions.accept(requestId, outcome, LocalDate.now(clock));
  }

  void failNextRequests(int count) {
    link.failNext(count);
  }

  List<ForwardedClaim> receivedRequests() {
    return link.received();
  }

  void reset() {
    link.reset();
  }

  @Override
  public SimulatedLink<?> link() {
    return link;
  }
}
