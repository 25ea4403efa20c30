package jp.lg.immunization.vrs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatedSystem;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the ワクチン接種記録システム: keeps the dose lines this city registers, and answers mover queries
 * asynchronously (after the sending transaction commits and a delay), failing or staying silent as often as it is
 * told to. Its other municipalities are synthetic: every 個人番号 has COVID-19 records in exactly one of the
 * {@link #FORMER_MUNICIPALITIES}, chosen by its eleventh digit, and in no other; a query with any other code finds no
 * one (R31), as the real system's per-municipality areas do.
 */
@SimulatorsOnly
@Component
class VrsSimulator implements VrsPort, SimulatedSystem {

  record Municipality(String code, String name) {}

  static final List<Municipality> FORMER_MUNICIPALITIES = List.of(new Municipality("131016", "東京都千代田区"),
      new Municipality("141003", "神奈川県横浜市"), new Municipality("271004", "大阪府大阪市"),
      new Municipality("011002", "北海道札幌市"), new Municipality("401307", "福岡県福岡市"));

  private static final List<String> MAKERS = List.of("ファイザー", "モデルナ", "ファイザー", "武田（ノババックス）");

  private final MoverQueryMessages messages;
  private final SimulatedLink<MoverQueryMessages.Message> link;
  private final List<DoseLine> registered = new ArrayList<>();

  VrsSimulator(@Lazy MoverQueryAnswers answers, MoverQueryMessages messages,
               @Value("${immunization.simulators.vrs.auto-answer:true}") boolean autoAnswer,
               @Value("${immunization.simulators.vrs.answer-delay:PT2S}") Duration delay) {
    this.messages = messages;
    this.link = new SimulatedLink<>("vrs", autoAnswer, delay,
        (requestId, message) -> answers.accept(requestId, answerFor(message)));
  }

  @Override
  public SimulatedLink<?> link() {
    return link;
  }

  @Override
  public void registerDoses(DoseSubmission submission) {
    if (link.failsNow()) {
      throw new VrsUnavailableException("ワクチン接種記録システム（シミュレーター）に接続できません");
    }
    synchronized (registered) {
      registered.addAll(submission.lines());
    }
  }

  @Override
  public void queryFormerMunicipality(MoverQuery query) {
    if (link.failsNow()) {
      throw new VrsUnavailableException("ワクチン接種記録システム（シミュレーター）に接続できません");
    }
    link.accept(query.requestId(), messages.compose(query));
  }

  static Municipality formerMunicipalityOf(String myNumber) {
    return FORMER_MUNICIPALITIES.get(Character.digit(myNumber.charAt(10), 10) % FORMER_MUNICIPALITIES.size());
  }

  /** The synthetic records: two to four doses from 2021 on, in the one municipality that holds the number. */
  static MoverAnswer answerFor(MoverQueryMessages.Message message) {
    Municipality holder = formerMunicipalityOf(message.myNumber());
    if (!holder.code().equals(message.municipalityCode())) {
      return new MoverAnswer(Outcome.NOT_FOUND, List.of());
    }
    int seed = Integer.parseInt(message.myNumber().substring(6, 10));
    String ticket = String.format("%010d", Math.floorMod(seed * 7_919L + 104_729L, 10_000_000_000L));
    LocalDate first = LocalDate.of(2021, 6, 1).plusDays(seed % 90);
    List<LocalDate> dates = List.of(first, first.plusDays(21), first.plusMonths(7), first.plusMonths(13));
    List<FormerDose> doses = new ArrayList<>();
    for (int i = 0; i < 2 + seed % 3; i++) {
      doses.add(new FormerDose(i + 1, dates.get(i), MAKERS.get(i), "FA" + String.format("%04d", (seed + i * 37) % 10_000),
          holder.code(), ticket));
    }
    return new MoverAnswer(Outcome.FOUND, doses);
  }

  List<DoseLine> registeredLines() {
    synchronized (registered) {
      return List.copyOf(registered);
    }
  }

  void deliverPendingAnswers() {
    link.deliverPending();
  }

  List<MoverQueryMessages.Message> receivedQueries() {
    return link.received();
  }

  void failNextRequests(int count) {
    link.failNext(count);
  }

  void reset() {
    link.reset();
    synchronized (registered) {
      registered.clear();
    }
  }
}
