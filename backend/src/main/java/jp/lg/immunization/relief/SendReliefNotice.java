package jp.lg.immunization.relief;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.JapaneseDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the decision notice (支給・不支給決定通知書) to the claimant and keeps its text on the claim; the PDF the
 * claimant receives is printed from that record ({@link ReliefNotices}).
 */
@Component("sendReliefNotice")
class SendReliefNotice implements JavaDelegate {

  private final ReliefClaims claims;
  private final AuditTrail audit;
  private final Clock clock;

  SendReliefNotice(ReliefClaims claims, AuditTrail audit, Clock clock) {
    this.claims = claims;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReliefClaim claim = claims.byBusinessKey(execution.getProcessBusinessKey());
    boolean lateRefusal = "SendLateRefusalNotice".equals(execution.getCurrentActivityId());
    String text = noticeText(claim, lateRefusal, LocalDate.now(clock));
    ReliefClaim.Status status = lateRefusal ? ReliefClaim.Status.REFUSED_LATE
        : "PAY".equals(claim.municipalDecision()) ? ReliefClaim.Status.PAYING : ReliefClaim.Status.NOT_PAID;
    claims.recordNotice(claim.id(), text, status);
    audit.record(AuditOperation.RELIEF_DECISION, claim.residentId(), "claim=" + claim.id() + " notice");
  }

  String noticeText(ReliefClaim claim, boolean lateRefusal, LocalDate today) {
    boolean pay = !lateRefusal && "PAY".equals(claim.municipalDecision());
    StringBuilder text = new StringBuilder();
    text.append("予防接種健康被害救済給付 ").append(pay ? "支給決定通知書" : "不支給決定通知書").append("\n\n");
    text.append(JapaneseDates.format(today)).append("\n");
    text.append(claim.claimantName()).append(" 様\n\n");
    text.append(JapaneseDates.format(claim.receivedOn())).append("付けで請求のあった予防接種法に基づく給付（")
        .append(claims.benefitsOf(claim.id()).stream().map(BenefitType::label).collect(Collectors.joining("・")))
        .append("）について、次のとおり決定したので通知します。\n\n");
    if (lateRefusal) {
      text.append("決定: 不支給\n理由: 請求期限を経過しているため。").append(claim.lateReason() == null ? "" : claim.lateReason()).append("\n");
    } else {
      text.append("厚生労働大臣の判定: ").append(ReliefClaim.ministryLabel(claim.ministryOutcome())).append("（")
          .append(claim.ministryDecidedOn() == null ? "" : JapaneseDates.format(claim.ministryDecidedOn())).append("）\n");
      text.append("決定: ").append(ReliefClaim.decisionLabel(claim.municipalDecision())).append("\n");
      if (pay) {
        if (claim.oneOffAmountYen() != null && claim.oneOffAmountYen() > 0) {
          text.append("一時金等の額: ").append(String.format("%,d", claim.oneOffAmountYen())).append("円\n");
        }
        if (claim.periodicAmountYen() != null && claim.periodicAmountYen() > 0) {
          text.append("年金・手当の各期の額: ").append(String.format("%,d", claim.periodicAmountYen())).append("円");
          if (claim.entitlementEndsOn() != null) {
            text.append("（").append(JapaneseDates.format(claim.entitlementEndsOn())).append("まで）");
          }
          text.append("\n");
        }
      }
      text.append("理由: ").append(claim.decisionReason()).append("\n");
    }
    if (!pay) {
      text.append("\nこの決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、"
          + "都道府県知事に対して審査請求をすることができます。\n");
    }
    return text.toString();
  }
}
