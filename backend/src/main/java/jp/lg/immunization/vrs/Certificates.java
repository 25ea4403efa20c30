package jp.lg.immunization.vrs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.vaccination.CovidDoses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 新型コロナウイルス感染症予防接種証明書: applications at the counter (identity checked there) or from ぴったりサービス
 * (signed with the applicant's マイナンバーカード), checked by staff against the resident's COVID-19 doses, and issued
 * with a 証明書ID and 発行年月日. The doses certified are this city's records and those a checked mover query brought
 * from the former municipality, numbered by date.
 */
@Service
class Certificates {

  static final String PROCESS_KEY = "VaccinationCertificate";
  static final String APPLIED_MESSAGE = "VaccinationCertificateApplied";

  /** Staff's decision after the check; the gateway reads it as {@code certificateDecision}. */
  enum Decision { ISSUE, REJECT }

  /** The counter's application (the start form). */
  record Request(String addresseeNumber, Certificate.Kind kind, String romajiName, String formerName,
                 String nationality, String passportNumber, MoverQuery.IdentityDocument identityDocument) {}

  /** A dose as the certificate shows it. */
  record CertifiedDose(int doseNumber, LocalDate doseDate, String vaccineMaker, String lotNumber,
                       String municipalityCode) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final CovidDoses covidDoses;
  private final VrsRegistrations registrations;
  private final CertificateEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Certificates(JdbcTemplate jdbc, ResidentDirectory residents, CovidDoses covidDoses, VrsRegistrations registrations,
               CertificateEvents events, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.covidDoses = covidDoses;
    this.registrations = registrations;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  Certificate byId(long id) {
    return jdbc.query("select " + Certificate.COLUMNS + " from vrs_certificate where id = ?", Certificate::map, id)
        .stream().findFirst().orElseThrow(() -> ApiException.notFound("接種証明書の申請が見つかりません"));
  }

  Certificate byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  @Transactional
  Certificate receiveAtCounter(Request request) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(request.addresseeNumber());
    Map<String, String> problems = new LinkedHashMap<>();
    if (request.identityDocument() == null) {
      problems.put("identityDocument", "本人確認に用いた書類を選んでください");
    }
    passportProblems(request, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("接種証明書の申請を受け付けられません", problems);
    }
    String user = currentUser.get().username();
    long id = insert(resident.id(), Certificate.Channel.COUNTER, null, request, user,
        request.identityDocument().name());
    events.record(id, "RECEIVED", "窓口で申請を受付（" + request.kind().label() + "、本人確認: "
        + request.identityDocument().label() + "）", user);
    audit.record(AuditOperation.VRS_CERTIFICATE, resident.id(), "case=" + id + " received at the counter");
    return byId(id);
  }

  /** An application from ぴったりサービス; the same application delivered again changes nothing and returns empty. */
  @Transactional
  Optional<Certificate> receiveElectronic(String applicationNumber, long residentId, Request request) {
    if (jdbc.queryForObject("select count(*) from vrs_certificate where application_number = ?", Long.class,
        applicationNumber) > 0) {
      return Optional.empty();
    }
    Map<String, String> problems = new LinkedHashMap<>();
    passportProblems(request, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("e-application " + applicationNumber + " lacks " + problems.keySet());
    }
    long id = insert(residentId, Certificate.Channel.ELECTRONIC, applicationNumber, request, null, null);
    events.record(id, "RECEIVED", "電子申請を受信（ぴったりサービス、申請番号 " + applicationNumber + "、"
        + request.kind().label() + "）", CertificateEvents.SYSTEM);
    audit.record(AuditOperation.VRS_CERTIFICATE, residentId, "case=" + id + " received from pittari-service");
    return Optional.of(byId(id));
  }

  /** Staff's check: issuing needs at least one COVID-19 dose on record; refusing needs the reason. */
  @Transactional
  void check(String businessKey, Decision decision, String reason) {
    Certificate certificate = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    Instant now = Instant.now(clock);
    if (decision == Decision.ISSUE) {
      List<CertifiedDose> doses = dosesOf(certificate.residentId());
      if (doses.isEmpty()) {
        throw ApiException.invalid("新型コロナワクチンの接種記録がないため交付できません",
            Map.of("certificateDecision", "接種記録がありません。転入者は先にVRSで転出元の記録を照会してください"));
      }
      jdbc.update("delete from vrs_certificate_dose where certificate_id = ?", certificate.id());
      for (CertifiedDose dose : doses) {
        jdbc.update("""
            insert into vrs_certificate_dose (certificate_id, dose_number, dose_date, vaccine_maker, lot_number,
                                              municipality_code)
            values (?, ?, ?, ?, ?, ?)""", certificate.id(), dose.doseNumber(), Date.valueOf(dose.doseDate()),
            dose.vaccineMaker(), dose.lotNumber(), dose.municipalityCode());
      }
      jdbc.update("""
          update vrs_certificate set checked_by = ?, checked_at = ?, decision_reason = ?, version = version + 1
          where id = ?""", user, Timestamp.from(now), blank(reason), certificate.id());
      events.record(certificate.id(), "CHECKED", "確認: 接種記録 " + doses.size() + "回分を証明する", user);
    } else {
      if (reason == null || reason.isBlank()) {
        throw ApiException.invalid("交付しない理由を入力してください", Map.of("reason", "交付しない理由を入力してください"));
      }
      jdbc.update("""
          update vrs_certificate set checked_by = ?, checked_at = ?, decision_reason = ?, version = version + 1
          where id = ?""", user, Timestamp.from(now), reason.strip(), certificate.id());
      events.record(certificate.id(), "REJECTED", "交付しない: " + reason.strip(), user);
    }
    audit.record(AuditOperation.VRS_CERTIFICATE, certificate.residentId(), "case=" + certificate.id() + " checked "
        + decision);
  }

  /** Gives the certificate its 証明書ID and 発行年月日; a second run keeps the first ones. */
  @Transactional
  void issue(String businessKey) {
    Certificate certificate = byBusinessKey(businessKey);
    LocalDate today = LocalDate.now(clock);
    jdbc.update("""
        update vrs_certificate set certificate_number = coalesce(certificate_number, ?),
                                   issued_on = coalesce(issued_on, ?), version = version + 1
        where id = ?""", registrations.cityCode() + "-" + today.getYear() + "-" + String.format("%07d", certificate.id()),
        Date.valueOf(today), certificate.id());
    Certificate issued = byId(certificate.id());
    events.record(certificate.id(), "ISSUED", "交付: 証明書ID " + issued.certificateNumber(), CertificateEvents.SYSTEM);
    audit.record(AuditOperation.VRS_CERTIFICATE, certificate.residentId(), "case=" + certificate.id()
        + " issued " + issued.certificateNumber());
  }

  void status(String businessKey, Certificate.Status status) {
    jdbc.update("update vrs_certificate set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  /** The doses the certificate states, as checked. */
  List<CertifiedDose> certified(long id) {
    return jdbc.query("""
        select dose_number, dose_date, vaccine_maker, lot_number, municipality_code from vrs_certificate_dose
        where certificate_id = ? order by dose_number""", (rs, n) -> new CertifiedDose(rs.getInt(1),
        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5)), id);
  }

  /** This city's COVID-19 doses and those a checked mover query brought, one a day, numbered by date. */
  List<CertifiedDose> dosesOf(long residentId) {
    Map<LocalDate, CertifiedDose> byDate = new TreeMap<>();
    jdbc.query("""
        select r.dose_date, r.vaccine_maker, r.lot_number, r.municipality_code from vrs_mover_record r
        join vrs_mover_query q on q.id = r.query_id where q.resident_id = ? and q.status = 'RECORDED'""", rs -> {
          LocalDate date = rs.getObject(1, LocalDate.class);
          byDate.put(date, new CertifiedDose(0, date, rs.getString(2), rs.getString(3), rs.getString(4)));
        }, residentId);
    // This city's own record wins over a copy of the same day.
    covidDoses.ofResidents(List.of(residentId)).getOrDefault(residentId, List.of()).forEach(dose -> byDate.put(
        dose.doseDate(), new CertifiedDose(0, dose.doseDate(), dose.vaccineMaker(), dose.lotNumber(),
            registrations.cityCode())));
    List<CertifiedDose> numbered = new ArrayList<>();
    byDate.values().stream().sorted(Comparator.comparing(CertifiedDose::doseDate)).forEach(dose -> numbered.add(
        new CertifiedDose(numbered.size() + 1, dose.doseDate(), dose.vaccineMaker(), dose.lotNumber(),
            dose.municipalityCode())));
    return numbered;
  }

  ResidentDirectory.ResidentRef resident(Certificate certificate) {
    return residents.byId(certificate.residentId()).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
  }

  private long insert(long residentId, Certificate.Channel channel, String applicationNumber, Request request,
                      String receivedBy, String identityDocument) {
    boolean overseas = request.kind() == Certificate.Kind.OVERSEAS;
    return jdbc.queryForObject("""
        insert into vrs_certificate (resident_id, channel, application_number, kind, romaji_name, former_name,
                                     nationality, passport_number, status, received_at, received_by, identity_document)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'CHECKING', ?, ?, ?) returning id""", Long.class, residentId, channel.name(),
        applicationNumber, request.kind().name(), overseas ? blank(request.romajiName()) : null,
        overseas ? blank(request.formerName()) : null, overseas ? blank(request.nationality()) : null,
        overseas ? blank(request.passportNumber()) : null, Timestamp.from(Instant.now(clock)), receivedBy,
        identityDocument);
  }

  private static void passportProblems(Request request, Map<String, String> problems) {
    if (request.kind() == null) {
      problems.put("kind", "日本国内用か海外用かを選んでください");
      return;
    }
    if (request.kind() != Certificate.Kind.OVERSEAS) {
      return;
    }
    if (request.romajiName() == null || !request.romajiName().strip().matches("[A-Za-z][A-Za-z ,'-]{0,99}")) {
      problems.put("romajiName", "旅券のとおりローマ字で入力してください（例: YAMADA HANAKO）");
    }
    if (request.nationality() == null || request.nationality().isBlank()) {
      problems.put("nationality", "国籍を入力してください");
    }
    if (request.passportNumber() == null || !request.passportNumber().strip().matches("[A-Za-z0-9]{6,20}")) {
      problems.put("passportNumber", "旅券番号は英数字6〜20文字です");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
