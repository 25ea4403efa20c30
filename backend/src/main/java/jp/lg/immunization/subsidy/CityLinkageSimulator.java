package jp.lg.immunization.subsidy;

import java.time.Duration;
import java.util.List;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatedSystem;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the 庁内連携システム's tax and welfare lookups: answers asynchronously, after the sending
 * transaction commits and a delay, fails or stays silent as often as it is told to. Its records are synthetic and
 * follow the last digit of the 宛名番号, so that every case can be shown on purpose:
 * 0 生活保護受給中 (and non-taxable), 1-2 住民税非課税世帯, 3 no tax record (moved in this year),
 * 4 public-assistance status unknown, 5-9 taxable and not a recipient.
 */
@SimulatorsOnly
@Component
class CityLinkageSimulator implements CityLinkagePort, SimulatedSystem {

  private final StatusMatchAnswers answers;
  private final SimulatedLink<StatusRequest> link;

  CityLinkageSimulator(@Lazy StatusMatchAnswers answers,
                       @Value("${immunization.simulators.city-linkage.auto-answer:true}") boolean autoAnswer,
                       @Value("${immunization.simulators.city-linkage.answer-delay:PT2S}") Duration delay) {
    this.answers = answers;
    this.link = new SimulatedLink<>("city-linkage", autoAnswer, delay,
        (requestId, request) -> answers.accept(requestId, answerFor(request.addresseeNumber())));
  }

  @Override
  public void requestStatus(StatusRequest request) {
    if (link.failsNow()) {
      throw new CityLinkageUnavailableException("庁内連携システム（シミュレーター）に接続できません");
    }
    link.accept(request.requestId(), request);
  }

  static StatusAnswer answerFor(String addresseeNumber) {
    return switch (addresseeNumber.charAt(addresseeNumber.length() - 1)) {
      case '0' -> new StatusAnswer(LocalTaxStatus.NON_TAXABLE_HOUSEHOLD, AssistanceStatus.RECIPIENT);
      case '1', '2' -> new StatusAnswer(LocalTaxStatus.NON_TAXABLE_HOUSEHOLD, AssistanceStatus.NOT_RECIPIENT);
      case '3' -> new StatusAnswer(LocalTaxStatus.NO_RECORD, AssistanceStatus.NOT_RECIPIENT);
      case '4' -> new StatusAnswer(LocalTaxStatus.TAXABLE_HOUSEHOLD, AssistanceStatus.UNKNOWN);
      default -> new StatusAnswer(LocalTaxStatus.TAXABLE_HOUSEHOLD, AssistanceStatus.NOT_RECIPIENT);
    };
  }

  void deliverPendingAnswers() {
    link.deliverPending();
  }

  /** Delivers an answer again, as a link may. */
  void redeliver(StatusRequest request) {
    answers.accept(request.requestId(), answerFor(request.addresseeNumber()));
  }

  void failNextRequests(int count) {
    link.failNext(count);
  }

  List<StatusRequest> receivedRequests() {
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
