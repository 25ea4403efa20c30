package jp.lg.immunization.illness;

import java.time.LocalDate;
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
 * The 長期療養特例 process as the task list sees it: a case started from the recording form at the counter, the case
 * beside each step (with each vaccine's extension, so that the supervisor approves the dates), and the correction form
 * opened with the case as it stands. The engine gets the case id and the resident's id only.
 */
@Component
class IllnessExceptionCases implements CaseStarter<IllnessExceptionCases.Recording>, CaseContextProvider {

  /** The start form: the resident found at the counter and the details. */
  record Recording(String addresseeNumber, List<String> vaccineCodes, IllnessException.DiseaseCategory diseaseCategory,
                   String diseaseName, LocalDate illnessFrom, LocalDate illnessTo,
                   IllnessException.StatementKind statementKind, LocalDate statementReceivedOn,
                   String statementInstitution, String statementDoctor, String note) {

    IllnessExceptions.Details details() {
      return new IllnessExceptions.Details(vaccineCodes, diseaseCategory, diseaseName, illnessFrom, illnessTo,
          statementKind, statementReceivedOn, statementInstitution, statementDoctor, note);
    }
  }

  private final IllnessExceptions exceptions;
  private final UserDirectory users;
  private final AuditTrail audit;

  IllnessExceptionCases(IllnessExceptions exceptions, UserDirectory users, AuditTrail audit) {
    this.exceptions = exceptions;
    this.users = users;
    this.audit = audit;
  }

  @Override
  public String processKey() {
    return IllnessExceptions.PROCESS_KEY;
  }

  @Override
  public StartedCase start(Recording recording) {
    IllnessException exception = exceptions.register(recording.addresseeNumber(), recording.details());
    return StartedCase.of(exception.id(), exception.residentId());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    IllnessException exception = exceptions.byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = exceptions.resident(exception);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_VIEW, exception.residentId(), "case=" + exception.id());
    List<CaseContext.Row> rows = new ArrayList<>(List.of(
        new CaseContext.Row("対象の住民", resident.nameKanji() + "（宛名番号 " + resident.addresseeNumber() + "、"
            + JapaneseDates.format(resident.birthDate()) + "生）", "/residents/" + resident.id()),
        new CaseContext.Row("疾病の区分", exception.diseaseCategory().label()
            + (exception.diseaseName() == null ? "" : "　" + exception.diseaseName())),
        new CaseContext.Row("療養期間", JapaneseDates.format(exception.illnessFrom()) + "〜"
            + JapaneseDates.format(exception.illnessTo()) + "（特別の事情がなくなった日）"),
        new CaseContext.Row(exception.statementKind().label(), JapaneseDates.format(exception.statementReceivedOn())
            + "受付　" + exception.statementInstitution() + "　医師 " + exception.statementDoctor())));
    for (IllnessExceptions.VaccineExtension vaccine : exceptions.vaccines(exception.id())) {
      rows.add(new CaseContext.Row(vaccine.vaccineName(), JapaneseDates.format(vaccine.until()) + "まで定期接種として接種可能"));
    }
    if (exception.note() != null) {
      rows.add(new CaseContext.Row("備考", exception.note()));
    }
    rows.add(new CaseContext.Row("記録した職員", users.displayName(exception.recordedBy())
        + (exception.revisedBy() == null ? "" : "（訂正: " + users.displayName(exception.revisedBy()) + "）")));
    if (exception.decisionReason() != null) {
      rows.add(new CaseContext.Row("上長の判断の理由", exception.decisionReason()));
    }
    if (exception.revocationReason() != null) {
      rows.add(new CaseContext.Row("取消しの理由", exception.revocationReason() + "（申出: "
          + users.displayName(exception.revocationProposedBy())
          + (exception.revokedBy() == null ? "" : "、承認: " + users.displayName(exception.revokedBy())) + "）"));
    }
    String title = "長期療養特例 第" + exception.id() + "号（" + exception.status().label() + "）";
    return new CaseContext(title, List.of(new CaseContext.Section("長期療養特例", rows)));
  }

  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    return ReviseIllnessException.TASK.equals(taskKey)
        ? exceptions.formValues(exceptions.byBusinessKey(businessKey)) : Map.of();
  }
}
