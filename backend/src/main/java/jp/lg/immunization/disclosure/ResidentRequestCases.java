package jp.lg.immunization.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request process as the task list sees it: a request started from the intake form, and the case beside each
 * step (with a link to the request's page, where the collected data, the extension and the prints are). What each
 * step's form records on the request is in the step's handler. The engine gets ids, codes and dates only.
 */
@Component
class ResidentRequestCases implements CaseStarter<ResidentRequests.Intake>, CaseContextProvider {

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
  public StartedCase start(ResidentRequests.Intake intake) {
    ResidentRequest request = requests.register(intake);
    return StartedCase.of(request.id(), request.residentId(), deadlines.timerVariables(request.dueOn()),
        Map.of("requestKind", request.kind().name(), RequestDeadlines.EXTENDED, false));
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
