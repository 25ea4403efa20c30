package jp.lg.immunization.relief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relief claim process as the task list sees it: a claim started from the intake form, its status and timeline as
 * the process moves (R33), and the case beside each step (with a link to the case page, where documents are uploaded).
 * What each step's form records on the claim is in the step's handler.
 */
@Component
@CaseProcesses(ReliefClaims.PROCESS_KEY)
class ReliefCases implements CaseStarter<ReliefClaims.Intake>, CaseContextProvider, CaseType<ReliefClaim.Status> {

  private final ReliefClaims claims;
  private final ReliefViews views;
  private final ReliefSettings settings;
  private final ReliefEvents events;

  ReliefCases(ReliefClaims claims, ReliefViews views, ReliefSettings settings, ReliefEvents events) {
    this.claims = claims;
    this.views = views;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public String processKey() {
    return ReliefClaims.PROCESS_KEY;
  }

  @Override
  public StartedCase start(ReliefClaims.Intake intake) {
    ReliefClaim claim = claims.register(intake);
    return StartedCase.of(claim.id(), claim.residentId(), settings.processVariables(),
        Map.of("vaccinationClass", claim.vaccinationClass()));
  }

  @Override
  public void enter(String businessKey, ReliefClaim.Status status) {
    claims.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    ReliefViews.Detail detail = views.detail(Long.parseLong(businessKey));
    List<CaseContext.Section> sections = new ArrayList<>();
    List<CaseContext.Row> claim = new ArrayList<>(List.of(
        new CaseContext.Row("救済請求", "#" + detail.id() + "（" + detail.statusLabel() + "）", "/relief/" + detail.id()),
        row("被接種者", detail.residentName() + "（" + detail.residentNameKana() + "、宛名番号 " + detail.addresseeNumber() + "）"),
        row("請求者", detail.claimantName() + "（" + detail.claimantRelation() + "）"),
        row("予防接種", ("A".equals(detail.vaccinationClass()) ? "A類 " : "B類 ") + detail.vaccine() + "　"
            + JapaneseDates.format(detail.vaccinatedOn()) + (detail.doseRecordId() == null ? "（この市の接種記録なし）"
            : "（接種記録 #" + detail.doseRecordId() + "）")),
        row("請求する給付", detail.benefits().stream().map(ReliefViews.Code::label).collect(Collectors.joining("・"))),
        row("受付日", JapaneseDates.format(detail.receivedOn()) + "（" + detail.receivedBy() + "）")));
    if (detail.late()) {
      claim.add(row("請求期限", "期限経過" + (detail.lateReason() == null ? "" : "　" + detail.lateReason())));
    }
    sections.add(new CaseContext.Section("請求", claim));
    sections.add(new CaseContext.Section("書類", List.of(
        row("受領済み", detail.documents().isEmpty() ? "なし" : detail.documents().stream()
            .map(d -> d.typeLabel() + (d.fileName() == null ? "（紙）" : "（" + d.fileName() + "）"))
            .collect(Collectors.joining("、"))),
        row("不足書類", detail.missingDocuments().isEmpty() ? "なし" : detail.missingDocuments().stream()
            .map(ReliefViews.Code::label).collect(Collectors.joining("、"))))));
    List<CaseContext.Row> review = new ArrayList<>();
    if (detail.committeeMeetingOn() != null) {
      review.add(row("調査委員会の開催日", JapaneseDates.format(detail.committeeMeetingOn())));
    }
    if (detail.committeeOpinion() != null) {
      review.add(row("調査委員会の意見", detail.committeeOpinion() + "　" + detail.committeeSummary()));
    }
    if (detail.forwardedOn() != null) {
      review.add(row("進達日", JapaneseDates.format(detail.forwardedOn()) + "（受付番号 " + detail.ministryRequestId() + "）"));
    }
    ReliefViews.Decision decision = detail.decision();
    if (decision.ministryOutcome() != null) {
      review.add(row("厚生労働省", decision.ministryOutcome() + "（" + JapaneseDates.format(decision.ministryDecidedOn()) + "）"));
    }
    if (decision.decision() != null) {
      review.add(row("市の決定", decision.decision() + (decision.oneOffAmountYen() == null ? ""
          : "　一時金等 " + decision.oneOffAmountYen() + "円・年金手当 各期 " + decision.periodicAmountYen() + "円")
          + (decision.entitlementEndsOn() == null ? "" : "（終期 " + JapaneseDates.format(decision.entitlementEndsOn()) + "）")
          + "　理由: " + decision.reason() + "　決定者: " + decision.decidedBy()));
    }
    if (!review.isEmpty()) {
      sections.add(new CaseContext.Section("審査と決定", review));
    }
    sections.add(CaseContext.Section.latestOfTimeline(detail.timeline(), 5,
        entry -> row(JapaneseDates.format(entry.at()), entry.description() + "（" + entry.actor() + "）")));
    return new CaseContext("健康被害救済の請求 #" + detail.id() + "（" + detail.statusLabel() + "）", sections);
  }


  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
