package jp.lg.immunization.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.UntypedCaseSteps;
import jp.lg.immunization.workflow.ResidentTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request process as the task list sees it: a request started from the intake form, the case beside each step
 * (with a link to the request's page, where the collected data, the extension and the prints are), and what each
 * step's form records on the request. The engine gets ids, codes and dates only.
 */
@Component
class ResidentRequestCases implements UntypedCaseSteps.Starter, CaseContextProvider, UntypedCaseSteps.Handler {

  private final ResidentRequests requests;
  private final ResidentRequestViews views;
  private final RequestDeadlines deadlines;

  ResidentRequestCases(ResidentRequests requests, ResidentRequestViews views, RequestDeadlines deadlines) {
    this.requests = requests;
    this.views = views;
    this.deadlines = deadlines;
  }

  @Override
  public String processKey() {
    return ResidentRequests.PROCESS_KEY;
  }

  @Override
  @Transactional
  public CaseStarter.StartedCase start(Map<String, Object> values) {
    ResidentRequest request = requests.register(new ResidentRequests.Intake((String) values.get("kind"),
        (String) values.get("addresseeNumber"), (String) values.get("requesterType"),
        (String) values.get("requesterName"), (String) values.get("requesterRelation"),
        (String) values.get("requestText"), ResidentRequests.date(values.get("receivedOn"), "receivedOn")));
    Map<String, Object> variables = new HashMap<>(deadlines.timerVariables(request.dueOn()));
    variables.put(ResidentTasks.RESIDENT_ID, request.residentId());
    variables.put("requestKind", request.kind().name());
    variables.put(RequestDeadlines.EXTENDED, false);
    return new CaseStarter.StartedCase(String.valueOf(request.id()), variables);
  }

  @Override
  @Transactional
  public void beforeComplete(String businessKey, String taskKey, Map<String, Object> values) {
    switch (taskKey) {
      case "CheckRequesterIdentity" -> requests.checkIdentity(businessKey, (String) values.get("identityDocument"),
          (String) values.get("identityResult"), (String) values.get("identityNote"));
      case "DecideRequest" -> requests.decide(businessKey, (String) values.get("decision"), (String) values.get("reason"));
      case "ApproveRequestDecision" -> requests.approve(businessKey, (String) values.get("approval"),
          (String) values.get("reason"));
      case "FollowUpDeadline" -> requests.recordFollowUp(businessKey, "期限が近い請求の確認", (String) values.get("note"));
      case "FollowUpOverdueRequest" -> requests.recordFollowUp(businessKey, "期限を過ぎた請求の確認",
          (String) values.get("note"));
      case "RecordCorrection" -> requests.recordCorrection(businessKey, (String) values.get("item"),
          (String) values.get("beforeText"), (String) values.get("afterText"));
      case "RecordNoticeSent" -> requests.recordNoticeSent(businessKey,
          ResidentRequests.date(values.get("noticeSentOn"), "noticeSentOn"), (String) values.get("delivery"));
      default -> throw new IllegalStateException("No handling for step " + taskKey);
    }
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    ResidentRequestViews.Detail detail = views.detail(Long.parseLong(businessKey));
    List<CaseContext.Row> request = new ArrayList<>(List.of(
        new CaseContext.Row(detail.kindLabel(), "第" + detail.id() + "号（" + detail.statusLabel() + "）",
            "/resident-requests/" + detail.id()),
        new CaseContext.Row("対象の住民", detail.residentName() + "（宛名番号 " + detail.addresseeNumber() + "）",
            "/residents/" + detail.residentId()),
        new CaseContext.Row("請求者", detail.requesterName() + "（" + detail.requesterTypeLabel()
            + (detail.requesterRelation() == null ? "" : "・" + detail.requesterRelation()) + "）"),
        new CaseContext.Row("請求の内容", detail.requestText()),
        new CaseContext.Row("受付日", JapaneseDates.format(detail.receivedOn()) + "（" + detail.receivedBy() + "）"),
        new CaseContext.Row("決定の期限", JapaneseDates.format(detail.dueOn())
            + (detail.extension() == null ? "" : "（延長済み）") + (detail.overdue() ? "　期限超過" : ""))));
    if (detail.identityResult() != null) {
      request.add(new CaseContext.Row("本人確認", detail.identityDocument() + "　"
          + ("CONFIRMED".equals(detail.identityResult()) ? "確認済み" : "確認できず") + "（" + detail.identityCheckedBy() + "）"));
    }
    if (detail.decision() != null) {
      request.add(new CaseContext.Row("決定", detail.decisionLabel() + "　理由: " + detail.decisionReason()
          + "　決定者: " + detail.decidedBy()));
    }
    if (detail.packageCollected()) {
      request.add(new CaseContext.Row("対象の保有個人情報", "収集済み（請求の画面で確認・印刷）", "/resident-requests/" + detail.id()));
    }
    return new CaseContext(detail.kindLabel() + " 第" + detail.id() + "号（" + detail.statusLabel() + "）",
        List.of(new CaseContext.Section("請求", request)));
  }
}
