package jp.lg.immunization.resident;

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
 * SIMULATOR of 住基ネット / 市町村CS: answers identity lookups asynchronously with synthetic identity
 * data. It finds nobody for a name containing フメイ, and fails as often as it is told to. It keeps
 * what it was asked, as the other side would, so that tests can check what left the city.
 */
@Component
@SimulatorsOnly
class ResidentNetworkSimulator implements ResidentNetworkPort, SimulatedSystem {

  static final String NOT_FOUND_MARKER = "フメイ";

  record Request(String requestId, IdentityQuery query) {}

  private final Clock clock;
  private final IdentityLookupAnswers answers;
  private final SimulatedLink<Request> link;

  ResidentNetworkSimulator(@Lazy IdentityLookupAnswers answers, Clock clock,
                           @Value("${immunization.simulators.resident-network.auto-answer:true}") boolean autoAnswer,
                           @Value("${immunization.simulators.resident-network.answer-delay:PT2S}") Duration delay) {
    this.answers = answers;
    this.clock = clock;
    this.link = new SimulatedLink<>("resident-network", autoAnswer, delay,
        (requestId, request) -> answers.accept(requestId, answerFor(request.query())));
  }

  @Override
  public void requestIdentityLookup(String requestId, IdentityQuery query) {
    if (link.failsNow()) {
      throw new ResidentNetworkUnavailableException("市町村CS（シミュレーター）に接続できません");
    }
    link.accept(requestId, new Request(requestId, query));
  }

  void deliverPendingAnswers() {
    link.deliverPending();
  }

  /** Delivers an answer again, as a network may. */
  void redeliver(String requestId, IdentityQuery query) {
    answers.accept(requestId, answerFor(query));
  }

  void failNextRequests(int count) {
    link.failNext(count);
  }

  List<String> receivedRequests() {
    return link.received().stream().map(Request::requestId).toList();
  }

  void reset() {
    link.reset();
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

  @Override
  public SimulatedLink<?> link() {
    return link;
  }
}
