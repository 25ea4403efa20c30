package jp.lg.immunization.vrs;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.TextPdf;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issued certificate as a Japanese/English PDF with the items of the national format (新型コロナウイルス感染症予防接種
 * 証明書 / Vaccination Certificate for COVID-19): the person (and for overseas use the passport's items), each dose's
 * date, vaccine type, product and manufacturer and lot, and the issuer with the 証明書ID and date. Printing needs the
 * permission PRINT (R12) and every print is audited (R04).
 */
@Service
class CertificatePrints {

  /** A product as the national format names it, by the maker recorded with the dose. */
  record Product(String japanese, String english, String type) {}

  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final Certificates certificates;
  private final TextPdf pdf;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final String issuer;

  CertificatePrints(Certificates certificates, TextPdf pdf, CurrentUser currentUser, AuditTrail audit,
                    @Value("${immunization.vrs.certificate-issuer:熊谷市長 / Mayor of Kumagaya City}") String issuer) {
    this.certificates = certificates;
    this.pdf = pdf;
    this.currentUser = currentUser;
    this.audit = audit;
    this.issuer = issuer;
  }

  static Product product(String maker) {
    String recorded = maker == null ? "" : maker;
    if (recorded.contains("ファイザー") || recorded.toLowerCase(Locale.ROOT).contains("pfizer")) {
      return new Product("コミナティ筋注（ファイザー）", "Comirnaty (Pfizer/BioNTech)", "COVID-19 mRNA vaccine");
    }
    if (recorded.contains("モデルナ") || recorded.toLowerCase(Locale.ROOT).contains("moderna")) {
      return new Product("スパイクバックス筋注（モデルナ）", "Spikevax (Moderna)", "COVID-19 mRNA vaccine");
    }
    if (recorded.contains("ノババックス") || recorded.contains("武田")) {
      return new Product("ヌバキソビッド筋注（武田）", "Nuvaxovid (Takeda/Novavax)", "COVID-19 recombinant protein vaccine");
    }
    return new Product(recorded.isEmpty() ? "（記録なし）" : recorded, recorded.isEmpty() ? "(not recorded)" : recorded,
        "COVID-19 vaccine");
  }

  @Transactional
  byte[] print(long id) {
    currentUser.require(Permission.PRINT, "vaccination-certificate");
    Certificate certificate = certificates.byId(id);
    if (certificate.status() != Certificate.Status.ISSUED) {
      throw ApiException.notFound("この申請の接種証明書はまだ交付されていません");
    }
    ResidentDirectory.ResidentRef resident = certificates.resident(certificate);
    byte[] bytes = pdf.render("新型コロナウイルス感染症予防接種証明書 / Vaccination Certificate for COVID-19",
        text(certificate, resident));
    audit.record(AuditOperation.VRS_CERTIFICATE_PRINT, certificate.residentId(), "case=" + id + " certificate "
        + certificate.certificateNumber() + " pdf");
    return bytes;
  }

  private String text(Certificate certificate, ResidentDirectory.ResidentRef resident) {
    StringBuilder text = new StringBuilder();
    text.append("■ 接種者 / Vaccinated person\n");
    text.append("氏名 / Name: ").append(resident.nameKanji());
    if (certificate.romajiName() != null) {
      text.append("（").append(certificate.romajiName().toUpperCase(Locale.ROOT)).append("）");
    }
    text.append("\n");
    if (certificate.formerName() != null) {
      text.append("旧姓・別姓・別名 / Former name, other name: ").append(certificate.formerName()).append("\n");
    }
    text.append("生年月日 / Date of birth: ").append(JapaneseDates.format(resident.birthDate())).append(" / ")
        .append(ENGLISH_DATE.format(resident.birthDate())).append("\n");
    if (certificate.kind() == Certificate.Kind.OVERSEAS) {
      text.append("国籍 / Nationality: ").append(certificate.nationality()).append("\n");
      text.append("旅券番号 / Passport No.: ").append(certificate.passportNumber()).append("\n");
    }
    text.append("\n■ ワクチン接種記録 / Vaccination record\n");
    for (Certificates.CertifiedDose dose : certificates.certified(certificate.id())) {
      Product product = product(dose.vaccineMaker());
      text.append(dose.doseNumber()).append("回目 / Dose ").append(dose.doseNumber()).append("\n");
      text.append("　接種年月日 / Date of vaccination: ").append(JapaneseDates.format(dose.doseDate())).append(" / ")
          .append(ENGLISH_DATE.format(dose.doseDate())).append("\n");
      text.append("　ワクチン種類 / Vaccine type: ").append(product.type()).append("\n");
      text.append("　製品名・メーカー / Product name, manufacturer: ").append(product.japanese()).append(" / ")
          .append(product.english()).append("\n");
      text.append("　ロット番号 / Lot No.: ").append(dose.lotNumber() == null ? "-" : dose.lotNumber()).append("\n");
    }
    text.append("\n■ 証明書発行者 / Issuer\n");
    text.append("発行者 / Issued by: ").append(issuer).append("\n");
    text.append("証明書ID / Certificate ID: ").append(certificate.certificateNumber()).append("\n");
    text.append("発行年月日 / Date of issue: ").append(JapaneseDates.format(certificate.issuedOn())).append(" / ")
        .append(ENGLISH_DATE.format(certificate.issuedOn())).append("\n");
    text.append("\n上記のとおり新型コロナウイルス感染症の予防接種を受けたことを証明します。\n");
    text.append("This is to certify that the above person has been vaccinated against COVID-19.\n");
    return text.toString();
  }
}
