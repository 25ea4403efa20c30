package jp.lg.immunization.subsidy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 自己負担金免除申請 process as the task list sees it: an application started at the counter from the start form,
 * and the case shown beside each step. What each step's form changes in the application is in the step's handler.
 */
@Component
class CoPayExemptionCases implements CaseStarter<ExemptionApplications.AtCounter>, CaseContextProvider {

  private final ExemptionApplications applications;
  private final CoPayExemptionViews views;

  CoPayExemptionCases(ExemptionApplications applications, CoPayExemptionViews views) {
    this.applications = applications;
    this.views = views;
  }

  @Override
  public String processKey() {
    return ExemptionApplications.PROCESS_KEY;
  }

  @Override
  public StartedCase start(ExemptionApplications.AtCounter application) {
    CoPayExemption exemption = applications.registerAtCounter(application);
    return StartedCase.of(exemption.id(), exemption.residentId(), applications.processVariables());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    CoPayExemptionViews.Detail detail = views.detail(Long.parseLong(businessKey));
    List<CaseContext.Section> sections = new ArrayList<>();
    List<CaseContext.Row> application = new ArrayList<>(List.of(
        row("受付方法", detail.channel()),
        row("予防接種", detail.vaccine()),
        row("年度", detail.fiscalYear()),
        row("受付日時", JapaneseDates.format(detail.receivedAt()))));
    if (detail.receivedBy() != null) {
      application.add(row("受付者", detail.receivedBy()));
    }
    if (detail.note() != null) {
      application.add(row("備考", detail.note()));
    }
    sections.add(new CaseContext.Section("申請", application));
    if (detail.applicant() != null) {
      CoPayExemptionViews.Applicant applicant = detail.applicant();
      sections.add(new CaseContext.Section("申請者（ぴったりサービスの入力内容）", List.of(
          row("申請番号", applicant.applicationNumber()),
          row("氏名", applicant.nameKanji()),
          row("氏名（カナ）", applicant.nameKana()),
          row("生年月日", JapaneseDates.format(applicant.birthDate())),
          row("電話番号", applicant.phone()))));
    }
    if (detail.resident() != null) {
      CoPayExemptionViews.Resident resident = detail.resident();
      sections.add(new CaseContext.Section("対象者", List.of(
          row("氏名", resident.nameKanji()),
          row("氏名（カナ）", resident.nameKana()),
          row("生年月日", JapaneseDates.format(resident.birthDate())),
          row("宛名番号", resident.addresseeNumber()))));
    }
    if (!detail.matches().isEmpty()) {
      sections.add(new CaseContext.Section("課税・生活保護の状況の照合記録（R26）",
          detail.matches().stream().map(CoPayExemptionCases::matchRow).toList()));
    }
    if (detail.decision() != null) {
      CoPayExemptionViews.Decision decision = detail.decision();
      List<CaseContext.Row> rows = new ArrayList<>(List.of(
          row("決定", decision.decision()),
          row("自己負担金", decision.coPayYen() + "円"),
          row("理由", decision.reason()),
          row("決定者", decision.decidedBy() + "（" + JapaneseDates.format(decision.decidedAt()) + "）")));
      if (decision.approvedBy() != null) {
        rows.add(row("承認者", decision.approvedBy() + "（" + JapaneseDates.format(decision.approvedAt()) + "）"));
      }
      sections.add(new CaseContext.Section("決定", rows));
    }
    return new CaseContext("自己負担金免除申請 #" + detail.id() + "（" + detail.status() + "）", sections);
  }

  private static CaseContext.Row matchRow(CoPayExemptionViews.Match match) {
    StringBuilder value = new StringBuilder(match.result());
    if (match.localTaxStatus() != null) {
      value.append("　住民税: ").append(match.localTaxStatus());
    }
    if (match.assistanceStatus() != null) {
      value.append("　生活保護: ").append(match.assistanceStatus());
    }
    if (match.outcome() != null) {
      value.append(" → ").append(match.outcome()).append("（").append(match.reason()).append("）");
    }
    value.append("　確認: ").append(match.checkedBy());
    if (match.note() != null) {
      value.append("　").append(match.note());
    }
    Instant when = match.recordedAt() != null ? match.recordedAt() : match.requestedAt();
    return row(match.source() + "　" + JapaneseDates.format(when), value.toString());
  }

  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
