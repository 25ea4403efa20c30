package jp.lg.immunization.vrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mover query as the task list sees it: started at the counter from the form that records the consent and the
 * identity check, and shown beside each step with what they rest on and what VRS answered. The engine gets the case
 * id and the resident's id only; the 個人番号 is never shown.
 */
@Component
class MoverQueryCases implements CaseStarter<MoverQueries.Request>, CaseContextProvider {

  private final MoverQueries queries;
  private final AuditTrail audit;

  MoverQueryCases(MoverQueries queries, AuditTrail audit) {
    this.queries = queries;
    this.audit = audit;
  }

  @Override
  public String processKey() {
    return MoverQueries.PROCESS_KEY;
  }

  @Override
  public StartedCase start(MoverQueries.Request request) {
    MoverQuery query = queries.record(request);
    return StartedCase.of(query.id(), query.residentId());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    MoverQuery query = queries.byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = queries.resident(query);
    audit.record(AuditOperation.VRS_MOVER_QUERY_VIEW, query.residentId(), "case=" + query.id());
    List<CaseContext.Row> rows = new ArrayList<>(List.of(
        new CaseContext.Row("対象の住民", resident.nameKanji() + "（宛名番号 " + resident.addresseeNumber() + "、"
            + JapaneseDates.format(resident.birthDate()) + "生）", "/residents/" + resident.id()),
        new CaseContext.Row("転出元の市区町村コード", query.formerMunicipalityCode()
            + (query.attempt() > 1 ? "（" + query.attempt() + "回目の照会）" : ""))));
    for (MoverQueries.Confirmation confirmation : queries.confirmations(query.id())) {
      boolean consent = "CONSENT".equals(confirmation.kind());
      String document = consent ? MoverQuery.ConsentDocument.valueOf(confirmation.document()).label()
          : MoverQuery.IdentityDocument.valueOf(confirmation.document()).label();
      rows.add(new CaseContext.Row(consent ? "本人の同意" : "本人確認", document + "　"
          + JapaneseDates.format(confirmation.confirmedOn()) + "　記録: " + confirmation.recordedBy()));
    }
    rows.add(new CaseContext.Row("記録した職員", query.requestedBy()
        + (query.revisedBy() == null ? "" : "（訂正: " + query.revisedBy() + "）")));
    if (query.approvedBy() != null) {
      rows.add(new CaseContext.Row("承認した上長", query.approvedBy()));
    }
    if (query.decisionReason() != null) {
      rows.add(new CaseContext.Row("上長の判断の理由", query.decisionReason()));
    }
    List<CaseContext.Section> sections = new ArrayList<>(List.of(new CaseContext.Section("転入者の接種記録照会", rows)));
    if (query.outcome() == MoverQuery.Outcome.NOT_FOUND) {
      sections.add(new CaseContext.Section("VRSの回答", List.of(
          new CaseContext.Row("該当者なし", MoverQueries.noMatchMessage(query)))));
    } else if (query.outcome() == MoverQuery.Outcome.FOUND) {
      List<CaseContext.Row> doses = new ArrayList<>();
      for (VrsPort.FormerDose dose : queries.records(query.id())) {
        doses.add(new CaseContext.Row(dose.doseNumber() + "回目", JapaneseDates.format(dose.doseDate()) + "　"
            + dose.vaccineMaker() + "　ロット " + dose.lotNumber() + "　接種券番号 " + dose.ticketNumber()
            + "（自治体コード " + dose.municipalityCode() + "）"));
      }
      sections.add(new CaseContext.Section("転出元の接種記録（VRSの回答）", doses));
    }
    String title = "転入者の接種記録照会 第" + query.id() + "号（" + query.status().label() + "）";
    return new CaseContext(title, sections);
  }

  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    return "ReviewVrsMoverNoMatch".equals(taskKey)
        ? Map.of("formerMunicipalityCode", queries.byBusinessKey(businessKey).formerMunicipalityCode()) : Map.of();
  }
}
