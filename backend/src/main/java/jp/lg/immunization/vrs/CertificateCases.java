package jp.lg.immunization.vrs;

import java.util.ArrayList;
import java.util.List;
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
 * The certificate application as the task list sees it: started at the counter, or by an e-application, and shown
 * beside the check with the doses the certificate would state.
 */
@Component
class CertificateCases implements CaseStarter<Certificates.Request>, CaseContextProvider {

  private final Certificates certificates;
  private final AuditTrail audit;

  CertificateCases(Certificates certificates, AuditTrail audit) {
    this.certificates = certificates;
    this.audit = audit;
  }

  @Override
  public String processKey() {
    return Certificates.PROCESS_KEY;
  }

  @Override
  public StartedCase start(Certificates.Request request) {
    Certificate certificate = certificates.receiveAtCounter(request);
    return StartedCase.of(certificate.id(), certificate.residentId());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    Certificate certificate = certificates.byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = certificates.resident(certificate);
    audit.record(AuditOperation.VRS_CERTIFICATE, certificate.residentId(), "case=" + certificate.id() + " viewed");
    List<CaseContext.Row> rows = new ArrayList<>(List.of(
        new CaseContext.Row("申請者", resident.nameKanji() + "（宛名番号 " + resident.addresseeNumber() + "、"
            + JapaneseDates.format(resident.birthDate()) + "生）", "/residents/" + resident.id()),
        new CaseContext.Row("申請の経路", certificate.channel() == Certificate.Channel.COUNTER
            ? "窓口（本人確認: " + MoverQuery.IdentityDocument.valueOf(certificate.identityDocument()).label() + "）"
            : "ぴったりサービス（申請番号 " + certificate.applicationNumber() + "）"),
        new CaseContext.Row("証明書の種類", certificate.kind().label())));
    if (certificate.kind() == Certificate.Kind.OVERSEAS) {
      rows.add(new CaseContext.Row("旅券", certificate.romajiName() + "　国籍 " + certificate.nationality()
          + "　旅券番号 " + certificate.passportNumber()
          + (certificate.formerName() == null ? "" : "　旧姓・別姓・別名 " + certificate.formerName())));
    }
    List<Certificates.CertifiedDose> doses = certificate.status() == Certificate.Status.ISSUED
        ? certificates.certified(certificate.id()) : certificates.dosesOf(certificate.residentId());
    List<CaseContext.Row> doseRows = new ArrayList<>();
    for (Certificates.CertifiedDose dose : doses) {
      doseRows.add(new CaseContext.Row(dose.doseNumber() + "回目", JapaneseDates.format(dose.doseDate()) + "　"
          + CertificatePrints.product(dose.vaccineMaker()).japanese() + "　ロット " + dose.lotNumber()
          + "（記録: 自治体コード " + dose.municipalityCode() + "）"));
    }
    if (doseRows.isEmpty()) {
      doseRows.add(new CaseContext.Row("接種記録", "新型コロナワクチンの接種記録がありません"));
    }
    if (certificate.certificateNumber() != null) {
      rows.add(new CaseContext.Row("証明書ID", certificate.certificateNumber() + "（"
          + JapaneseDates.format(certificate.issuedOn()) + "発行）"));
    }
    String title = "接種証明書の申請 第" + certificate.id() + "号（" + certificate.status().label() + "）";
    return new CaseContext(title, List.of(new CaseContext.Section("接種証明書の申請", rows),
        new CaseContext.Section("証明する接種記録", doseRows)));
  }
}
