package jp.lg.immunization.infonetwork.network;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatedSystem;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the 中間サーバー and the 情報提供ネットワークシステム. It checks queries against the
 * network's own permit list (refusing at once), answers the others later with synthetic data, and
 * can be told to fail (transport failure) or to leave queries unanswered (timeout). It sees only what
 * really leaves the city: request id, 符号, item and legal basis.
 */
@Component
@SimulatorsOnly
public class IntermediateServerSimulator implements IntermediateServerPort, SimulatedSystem {

  private static final Set<InformationItem> NETWORK_PERMITS = EnumSet.of(InformationItem.VACCINATION_RECORD,
      InformationItem.LOCAL_TAX, InformationItem.PUBLIC_ASSISTANCE, InformationItem.DISABILITY_CERTIFICATE);

  /** One line of what crossed the link, as the other side saw it. */
  record LogEntry(String direction, String requestId, String networkCode, String informationItem, String detail) {}

  private final QueryAnswerReceiver answers;
  private final ProvisionRequestReceiver provisionRequests;
  private final NetworkCodes codes;
  private final SimulatedLink<NetworkQuery> link;
  private final AtomicInteger refusals = new AtomicInteger();
  private final List<ProvisionAnswer> provisions = new ArrayList<>();
  private final List<FukuhonUpdate> fukuhonUpdates = new ArrayList<>();

  IntermediateServerSimulator(@Lazy QueryAnswerReceiver answers, @Lazy ProvisionRequestReceiver provisionRequests, NetworkCodes codes,
                              @Value("${immunization.simulators.intermediate-server.auto-answer:true}") boolean autoAnswer,
                              @Value("${immunization.simulators.intermediate-server.answer-delay:PT3S}") Duration delay) {
    this.answers = answers;
    this.provisionRequests = provisionRequests;
    this.codes = codes;
    this.link = new SimulatedLink<>("intermediate-server", autoAnswer, delay,
        (requestId, query) -> answers.accept(requestId, answerFor(query)));
  }

  @Override
  public Acceptance sendQuery(NetworkQuery query) {
    if (link.failsNow()) {
      throw new IntermediateServerUnavailableException("中間サーバー（シミュレーター）に接続できません");
    }
    boolean refusedOnDemand = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    if (refusedOnDemand || !NETWORK_PERMITS.contains(query.item()) || query.basis() != LegalBasis.ACT19_8_TABLE14) {
      return Acceptance.REFUSED;
    }
    link.accept(query.requestId(), query);
    return Acceptance.ACCEPTED;
  }

  @Override
  public void sendProvisionAnswer(ProvisionAnswer answer) {
    if (link.failsNow()) {
      throw new IntermediateServerUnavailableException("中間サーバー（シミュレーター）に接続できません");
    }
    synchronized (provisions) {
      provisions.add(answer);
    }
  }

  @Override
  public void registerFukuhon(FukuhonUpdate update) {
    if (link.failsNow()) {
      throw new IntermediateServerUnavailableException("中間サーバー（シミュレーター）に接続できません");
    }
    synchronized (fukuhonUpdates) {
      if (fukuhonUpdates.stream().noneMatch(known -> known.requestId().equals(update.requestId()))) {
        fukuhonUpdates.add(update);
      }
    }
  }

  public List<FukuhonUpdate> fukuhonUpdates() {
    synchronized (fukuhonUpdates) {
      return List.copyOf(fukuhonUpdates);
    }
  }

  /**
   * Another agency asks for a resident's data. The simulator stands in for that agency, which knows the
   * person by 符号; here it takes the code the city issued, as the network's code conversion would give it.
   */
  public long requestProvision(long residentId, InformationItem item, LegalBasis basis, String requesterAgency) {
    return provisionRequests.receive("NWS-" + java.util.UUID.randomUUID(), codes.codeFor(residentId), item, basis,
        requesterAgency);
  }

  public List<ProvisionAnswer> provisionAnswers() {
    synchronized (provisions) {
      return List.copyOf(provisions);
    }
  }

  /** Everything that crossed the link, newest first: only 符号, items and content, never names or 宛名番号. */
  List<LogEntry> log() {
    List<LogEntry> entries = new ArrayList<>();
    receivedQueries().forEach(query -> entries.add(new LogEntry("QUERY", query.requestId(), query.networkCode(),
        query.item().name(), query.basis().name())));
    provisionAnswers().forEach(answer -> entries.add(new LogEntry("PROVISION", answer.networkRequestId(), null, null,
        answer.kind() + (answer.content() == null ? "" : " " + answer.content()))));
    fukuhonUpdates().forEach(update -> entries.add(new LogEntry("FUKUHON", update.requestId(), update.networkCode(),
        update.item().name(), update.content())));
    java.util.Collections.reverse(entries);
    return entries;
  }

  public void deliverPendingAnswers() {
    link.deliverPending();
  }

  public void redeliver(NetworkQuery query) {
    answers.accept(query.requestId(), answerFor(query));
  }

  public void failNextRequests(int count) {
    link.failNext(count);
  }

  /** The network's permit list may differ from ours; refusing the next queries shows what then happens. */
  public void refuseNextRequests(int count) {
    refusals.set(count);
  }

  public void leaveNextUnanswered(int count) {
    link.dropNext(count);
  }

  public List<NetworkQuery> receivedQueries() {
    return link.received();
  }

  public void reset() {
    link.reset();
    refusals.set(0);
    synchronized (provisions) {
      provisions.clear();
    }
    synchronized (fukuhonUpdates) {
      fukuhonUpdates.clear();
    }
  }

  /** Synthetic content per item, the same for the same person. */
  static Map<String, Object> answerFor(NetworkQuery query) {
    int seed = Math.abs(query.networkCode().hashCode());
    return switch (query.item()) {
      case VACCINATION_RECORD -> Map.of("providedBy", "架空県架空町（シミュレーター）",
          "doses", List.of(
              Map.of("vaccine", "MR", "category", "1期", "date", LocalDate.of(2020, 1 + seed % 12, 1 + seed % 28).toString()),
              Map.of("vaccine", "水痘", "category", "1回目", "date", LocalDate.of(2020, 1 + (seed / 7) % 12, 1 + seed % 27).toString())));
      case LOCAL_TAX -> Map.of("providedBy", "架空町税務課（シミュレーター）", "taxStatus", seed % 3 == 0 ? "非課税" : "課税");
      case PUBLIC_ASSISTANCE -> Map.of("providedBy", "架空町福祉課（シミュレーター）", "recipient", seed % 5 == 0);
      case DISABILITY_CERTIFICATE -> Map.of("providedBy", "架空町障害福祉課（シミュレーター）",
          "certificate", seed % 4 == 0 ? "身体障害者手帳1級（心臓機能障害）" : "該当なし");
      case HEALTH_CHECKUP, RELIEF_BENEFIT -> Map.of();
    };
  }

  @Override
  public SimulatedLink<?> link() {
    return link;
  }
}
