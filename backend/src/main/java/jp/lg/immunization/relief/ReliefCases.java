package jp.lg.immunization.relief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseTaskHandler;
import jp.lg.immunization.workflow.ResidentTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relief claim process as the task list sees it: a claim started from the intake form, the case beside each step
 * (with a link to the case page, where documents are uploaded), and what each step's form records on the claim.
 */
@Component
class ReliefCases implements CaseStarter, CaseContextProvider, CaseTaskHandler {

  private final ReliefClaims claims;
  private final ReliefViews views;
  private final ReliefSettings settings;

  ReliefCases(ReliefClaims claims, ReliefViews views, ReliefSettings settings) {
    this.claims = claims;
    this.views = views;
    this.settings = settings;
  }

  @Override
  public String processKey() {
    return ReliefClaims.PROCESS_KEY;
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public StartedCase start(Map<String, Object> values) {
    ReliefClaim claim = claims.register(new ReliefClaims.Intake((String) values.get("addresseeNumber"),
        (String) values.get("claimantRelation"), (String) values.get("claimantName"),
        (String) values.get("vaccinationClass"), (String) values.get("vaccine"),
        ReliefClaims.date(values.get("vaccinatedOn"), "vaccinatedOn"), (List<String>) values.get("benefits"),
        ReliefClaims.date(values.get("medicalPaidOn"), "medicalPaidOn"), ReliefClaims.date(values.get("deathOn"), "deathOn"),
        Boolean.TRUE.equals(values.get("benefitsPaidBefore")),
        (List<String>) values.getOrDefault("documentsReceived", List.of()), (String) values.get("note")));
    Map<String, Object> variables = new HashMap<>(settings.processVariables());
    variables.put(ResidentTasks.RESIDENT_ID, claim.residentId());
    variables.put("vaccinationClass", claim.vaccinationClass());
    return new StartedCase(String.valueOf(claim.id()), variables);
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public void beforeComplete(String businessKey, String taskKey, Map<String, Object> values) {
    switch (taskKey) {
      case "ReviewLateClaim" -> claims.reviewLate(businessKey, (String) values.get("lateDecision"),
          (String) values.get("reason"));
      case "RequestMissingDocuments" -> claims.requestDocuments(businessKey,
          ReliefClaims.date(values.get("requestedOn"), "requestedOn"), (String) values.get("note"));
      case "RecordMissingDocuments" -> claims.recordDocuments(businessKey,
          (List<String>) values.getOrDefault("documentsReceived", List.of()),
          ReliefClaims.date(values.get("receivedOn"), "receivedOn"));
      case "ScheduleCommitteeMeeting" -> claims.scheduleCommittee(businessKey,
          ReliefClaims.date(values.get("meetingOn"), "meetingOn"), (String) values.get("note"));
      case "RecordCommitteeOpinion" -> claims.recordCommitteeOpinion(businessKey, (String) values.get("opinion"),
          (String) values.get("summary"));
      case "FollowUpMinistryDecision" -> claims.recordFollowUp(businessKey, (String) values.get("note"));
      case "DecideMunicipalPayment" -> claims.decide(businessKey, (String) values.get("municipalDecision"),
          integer(values.get("oneOffAmountYen")), integer(values.get("periodicAmountYen")),
          ReliefClaims.date(values.get("entitlementEndsOn"), "entitlementEndsOn"), (String) values.get("reason"));
      case "ApproveMunicipalDecision" -> claims.approve(businessKey, (String) values.get("approval"),
          (String) values.get("reason"));
      case "RecordAppealOutcome" -> claims.recordAppealOutcome(businessKey, (String) values.get("appealOutcome"),
          ReliefClaims.date(values.get("ruledOn"), "ruledOn"), (String) values.get("summary"));
      default -> throw new IllegalStateException("No handling for step " + taskKey);
    }
  }

  private static Integer integer(Object value) {
    return value instanceof Number number ? number.intValue() : null;
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
    sections.add(new CaseContext.Section("経過（新しい順に5件）", newestFirst(detail.timeline()).stream().limit(5)
        .map(entry -> row(JapaneseDates.format(entry.at()), entry.description() + "（" + entry.actor() + "）")).toList()));
    return new CaseContext("健康被害救済の請求 #" + detail.id() + "（" + detail.statusLabel() + "）", sections);
  }

  private static <T> List<T> newestFirst(List<T> entries) {
    List<T> reversed = new ArrayList<>(entries);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
