package jp.lg.immunization.outsideprovision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provision as the task list sees it: started from the recording form, the record beside each step (the confirmer
 * compares it with what is about to be sent), the correction form opened with the record as it stands. The engine
 * gets the case id and the resident's id only.
 */
@Component
class OutsideProvisionCases implements CaseStarter<OutsideProvisionCases.Recording>, CaseContextProvider {

  record Recording(String addresseeNumber, OutsideProvision.RecipientKind recipientKind, String recipientName,
                   String recipientContact, OutsideProvision.Method method, String content, String purpose,
                   String legalBasis) {}

  private final OutsideProvisions provisions;
  private final UserDirectory users;
  private final AuditTrail audit;

  OutsideProvisionCases(OutsideProvisions provisions, UserDirectory users, AuditTrail audit) {
    this.provisions = provisions;
    this.users = users;
    this.audit = audit;
  }

  @Override
  public String processKey() {
    return OutsideProvisions.PROCESS_KEY;
  }

  @Override
  public StartedCase start(Recording recording) {
    OutsideProvision provision = provisions.record(recording.addresseeNumber(), new OutsideProvisions.Details(
        recording.recipientKind(), recording.recipientName(), recording.recipientContact(), recording.method(),
        recording.content(), recording.purpose(), recording.legalBasis()));
    return StartedCase.of(provision.id(), provision.residentId());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    OutsideProvision provision = provisions.byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = provisions.resident(provision);
    audit.record(AuditOperation.OUTSIDE_PROVISION_VIEW, provision.residentId(), "provision=" + provision.id());
    List<CaseContext.Row> rows = new ArrayList<>(List.of(
        new CaseContext.Row("本人", resident.nameKanji() + "（宛名番号 " + resident.addresseeNumber() + "、"
            + JapaneseDates.format(resident.birthDate()) + "生）", "/residents/" + resident.id()),
        new CaseContext.Row("提供先", provision.recipientName() + "（" + provision.recipientKind().label() + "）"),
        new CaseContext.Row("宛先", provision.recipientContact()),
        new CaseContext.Row("提供の方法", provision.method().label()),
        new CaseContext.Row("提供する内容", provision.content()),
        new CaseContext.Row("目的", provision.purpose()),
        new CaseContext.Row("根拠", provision.legalBasis()),
        new CaseContext.Row("記録した職員", users.displayName(provision.recordedBy())
            + (provision.revisedBy() == null ? "" : "（訂正: " + users.displayName(provision.revisedBy()) + "）"))));
    if (provision.confirmedBy() != null) {
      rows.add(new CaseContext.Row("確認した職員", users.displayName(provision.confirmedBy())));
    }
    if (provision.decisionReason() != null) {
      rows.add(new CaseContext.Row("確認の理由", provision.decisionReason()));
    }
    String title = "ネットワーク以外による提供 第" + provision.id() + "号";
    return new CaseContext(title, List.of(new CaseContext.Section("提供の記録", rows)));
  }

  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    return ReviseOutsideProvision.TASK.equals(taskKey)
        ? provisions.formValues(provisions.byBusinessKey(businessKey)) : Map.of();
  }
}
