package jp.lg.immunization.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.JapaneseDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the decision notice (決定通知書) of an approved decision and keeps its text on the request; the PDF the
 * requester receives is printed from that record ({@link RequestPrints}), so a reprint is the notice that went out.
 */
@Component("prepareResidentRequestNotice")
class PrepareResidentRequestNotice implements JavaDelegate {

  private final ResidentRequests requests;
  private final RequestCorrections corrections;
  private final Clock clock;

  PrepareResidentRequestNotice(ResidentRequests requests, RequestCorrections corrections, Clock clock) {
    this.requests = requests;
    this.corrections = corrections;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResidentRequest request = requests.byBusinessKey(execution.getProcessBusinessKey());
    requests.recordNotice(request.id(), noticeText(request, corrections.of(request.id()), LocalDate.now(clock)));
  }

  static String noticeText(ResidentRequest request, List<RequestCorrections.Correction> corrected, LocalDate today) {
    ResidentRequest.Decision decision = request.decision();
    ResidentRequest.Kind kind = request.kind();
    StringBuilder text = new StringBuilder();
    text.append(decision.noticeTitle()).append("\n\n");
    text.append(JapaneseDates.format(today)).append("\n");
    text.append(request.requesterName()).append(" 様\n\n");
    text.append(JapaneseDates.format(request.receivedOn())).append("付けで請求のあった保有個人情報の").append(kind.subject())
        .append("について、個人情報の保護に関する法律第").append(kind.article())
        .append("条の規定により、次のとおり決定したので通知します。\n\n");
    text.append("請求の内容: ").append(request.requestText()).append("\n");
    text.append("決定: ").append(decision.label()).append("\n");
    text.append("理由: ").append(request.decisionReason()).append("\n");
    if (decision == ResidentRequest.Decision.FULL_DISCLOSURE || decision == ResidentRequest.Decision.PARTIAL_DISCLOSURE) {
      text.append("開示する保有個人情報: 予防接種に関する記録（宛名、接種記録、接種可能範囲）とその利用の記録（別添の写しのとおり）\n");
    }
    for (RequestCorrections.Correction correction : corrected) {
      text.append("訂正した事項: ").append(correction.item()).append("（訂正前: ").append(correction.beforeText())
          .append(" → 訂正後: ").append(correction.afterText()).append("）\n");
    }
    if (decision.refusesInPart()) {
      text.append("\nこの決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、"
          + "市長に対して審査請求をすることができます。\n");
    }
    return text.toString();
  }
}
