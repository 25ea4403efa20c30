package jp.lg.immunization.vrs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.MoverQueryMyNumbers;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 転入者の接種記録照会 (R30, R31): staff record the resident's consent and the identity check at the counter with the
 * former municipality's code; a supervisor who neither asked nor corrected it approves; the query goes to VRS with the
 * 個人番号 and that code; VRS answers with the former municipality's records, which staff check, or with no one, which
 * staff either correct (a new code, approved again) or close.
 */
@Service
class MoverQueries {

  static final String PROCESS_KEY = "VrsMoverQuery";

  /** The supervisor's decision; the BPMN's gateway reads it as {@code approval}. */
  enum Approval { APPROVE, REJECT }

  /** What staff do when VRS found no one; the gateway reads it as {@code noMatchAction}. */
  enum NoMatchAction { RETRY, CLOSE }

  /** What staff record at the counter (the start form). */
  record Request(String addresseeNumber, String formerMunicipalityCode, MoverQuery.ConsentDocument consentDocument,
                 LocalDate consentGivenOn, MoverQuery.IdentityDocument identityDocument, LocalDate identityCheckedOn) {}

  /** The consent or the identity check as recorded: which document, the day, who recorded it and when. */
  record Confirmation(String kind, String document, LocalDate confirmedOn, String recordedBy, Instant recordedAt) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final MoverQueryMyNumbers myNumbers;
  private final VrsRegistrations registrations;
  private final MoverQueryEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  MoverQueries(JdbcTemplate jdbc, ResidentDirectory residents, MoverQueryMyNumbers myNumbers,
               VrsRegistrations registrations, MoverQueryEvents events, CurrentUser currentUser, AuditTrail audit,
               Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.myNumbers = myNumbers;
    this.registrations = registrations;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  MoverQuery byId(long id) {
    return jdbc.query("select " + MoverQuery.COLUMNS + " from vrs_mover_query where id = ?", MoverQuery::map, id)
        .stream().findFirst().orElseThrow(() -> ApiException.notFound("転入者の接種記録照会が見つかりません"));
  }

  MoverQuery byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  /** Records the query with its consent and identity check (R30); nothing is sent before a supervisor approves. */
  @Transactional
  MoverQuery record(Request request) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(request.addresseeNumber());
    Map<String, String> problems = new LinkedHashMap<>();
    codeProblem(request.formerMunicipalityCode()).ifPresent(problem -> problems.put("formerMunicipalityCode", problem));
    LocalDate today = LocalDate.now(clock);
    if (request.consentDocument() == null) {
      problems.put("consentDocument", "本人の同意を得た書類を選んでください");
    }
    if (request.consentGivenOn() == null) {
      problems.put("consentGivenOn", "同意を得た日を入力してください");
    } else if (request.consentGivenOn().isAfter(today)) {
      problems.put("consentGivenOn", "同意を得た日が未来の日付です");
    }
    if (request.identityDocument() == null) {
      problems.put("identityDocument", "本人確認に用いた書類を選んでください");
    }
    if (request.identityCheckedOn() == null) {
      problems.put("identityCheckedOn", "本人確認をした日を入力してください");
    } else if (request.identityCheckedOn().isAfter(today)) {
      problems.put("identityCheckedOn", "本人確認をした日が未来の日付です");
    }
    if (!myNumbers.registered(resident.id())) {
      problems.put("addresseeNumber", "この住民の個人番号が登録されていないため、VRSで照会できません");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("転入者の接種記録照会を記録できません", problems);
    }
    String user = currentUser.get().username();
    Timestamp now = Timestamp.from(Instant.now(clock));
    long id = jdbc.queryForObject("""
        insert into vrs_mover_query (resident_id, former_municipality_code, status, requested_by, requested_at)
        values (?, ?, 'AWAITING_APPROVAL', ?, ?) returning id""", Long.class, resident.id(),
        request.formerMunicipalityCode(), user, now);
    jdbc.update("""
        insert into vrs_mover_consent (query_id, kind, document, confirmed_on, recorded_by, recorded_at)
        values (?, 'CONSENT', ?, ?, ?, ?), (?, 'IDENTITY', ?, ?, ?, ?)""",
        id, request.consentDocument().name(), Date.valueOf(request.consentGivenOn()), user, now,
        id, request.identityDocument().name(), Date.valueOf(request.identityCheckedOn()), user, now);
    events.record(id, "REQUESTED", "照会を記録（転出元 " + request.formerMunicipalityCode() + "、同意: "
        + request.consentDocument().label() + " " + JapaneseDates.format(request.consentGivenOn()) + "、本人確認: "
        + request.identityDocument().label() + " " + JapaneseDates.format(request.identityCheckedOn()) + "）", user);
    audit.record(AuditOperation.VRS_MOVER_QUERY, resident.id(), "case=" + id + " recorded with consent and identity check");
    return byId(id);
  }

  /** The supervisor's decision; the workflow layer has refused whoever asked or corrected, the database checks again. */
  @Transactional
  void decide(String businessKey, Approval approval, String reason) {
    MoverQuery query = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    if (approval == Approval.APPROVE) {
      jdbc.update("""
          update vrs_mover_query set approved_by = ?, approved_at = ?, decision_reason = ?, version = version + 1
          where id = ?""", user, Timestamp.from(Instant.now(clock)), blankToNull(reason), query.id());
      events.record(query.id(), "APPROVED", "承認: 転出元 " + query.formerMunicipalityCode() + " へ照会する", user);
    } else {
      String why = requireReason(reason, "却下");
      jdbc.update("update vrs_mover_query set decision_reason = ?, version = version + 1 where id = ?", why,
          query.id());
      events.record(query.id(), "REJECTED", "却下: " + why, user);
    }
    audit.record(AuditOperation.VRS_MOVER_QUERY, query.residentId(), "case=" + query.id() + " decision=" + approval);
  }

  /**
   * Marks the query sent and returns what to send. The database refuses it without the consent, the identity check
   * and the approval on record (R30), so the call to VRS is never made then.
   */
  @Transactional
  VrsPort.MoverQuery markSent(String businessKey) {
    MoverQuery query = byBusinessKey(businessKey);
    jdbc.update("update vrs_mover_query set sent_at = coalesce(sent_at, ?), version = version + 1 where id = ?",
        Timestamp.from(Instant.now(clock)), query.id());
    audit.record(AuditOperation.VRS_MOVER_QUERY, query.residentId(), "case=" + query.id() + " sent to VRS with "
        + query.formerMunicipalityCode() + " request=" + query.requestId());
    return new VrsPort.MoverQuery(query.requestId(), query.residentId(), query.formerMunicipalityCode());
  }

  /**
   * Keeps VRS's answer to the query's current attempt; an answer to an earlier attempt, or a second delivery, changes
   * nothing and returns empty.
   */
  @Transactional
  Optional<MoverQuery> answered(String requestId, VrsPort.MoverAnswer answer) {
    Optional<MoverQuery> found = jdbc.query("select " + MoverQuery.COLUMNS + " from vrs_mover_query where id = ?"
        + " for update", MoverQuery::map, idOf(requestId)).stream().findFirst()
        .filter(query -> query.requestId().equals(requestId) && query.outcome() == null && query.sentAt() != null);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MoverQuery query = found.get();
    jdbc.update("""
        update vrs_mover_query set outcome = ?, answered_at = ?, version = version + 1 where id = ?""",
        answer.outcome().name(), Timestamp.from(Instant.now(clock)), query.id());
    jdbc.update("delete from vrs_mover_record where query_id = ?", query.id());
    for (VrsPort.FormerDose dose : answer.doses()) {
      jdbc.update("""
          insert into vrs_mover_record (query_id, dose_number, dose_date, vaccine_maker, lot_number, municipality_code,
                                        ticket_number)
          values (?, ?, ?, ?, ?, ?, ?)""", query.id(), dose.doseNumber(), Date.valueOf(dose.doseDate()),
          dose.vaccineMaker(), dose.lotNumber(), dose.municipalityCode(), dose.ticketNumber());
    }
    events.record(query.id(), "ANSWERED", answer.outcome() == VrsPort.Outcome.FOUND
        ? "VRSの回答: 転出元の接種記録 " + answer.doses().size() + "件" : "VRSの回答: 転出元に該当者なし",
        MoverQueryEvents.SYSTEM);
    audit.record(AuditOperation.VRS_MOVER_QUERY, query.residentId(), "case=" + query.id() + " answered "
        + answer.outcome() + " records=" + answer.doses().size());
    return Optional.of(byId(query.id()));
  }

  /** Staff confirm the received records are the resident's and keep them with the case. */
  @Transactional
  void confirmRecords(String businessKey, String note) {
    MoverQuery query = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    jdbc.update("update vrs_mover_query set checked_by = ?, checked_at = ?, version = version + 1 where id = ?", user,
        Timestamp.from(Instant.now(clock)), query.id());
    events.record(query.id(), "CHECKED", "転出元の接種記録を確認" + (blankToNull(note) == null ? "" : "（" + note.strip() + "）"),
        user);
    audit.record(AuditOperation.VRS_MOVER_QUERY, query.residentId(), "case=" + query.id() + " records checked");
  }

  /** After no one was found: a corrected code goes to approval again as a new attempt, or the query is closed. */
  @Transactional
  void afterNoMatch(String businessKey, NoMatchAction action, String formerMunicipalityCode, String reason) {
    MoverQuery query = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    if (action == NoMatchAction.RETRY) {
      Optional<String> problem = codeProblem(formerMunicipalityCode);
      if (problem.isEmpty() && formerMunicipalityCode.equals(query.formerMunicipalityCode())) {
        problem = Optional.of("前回と同じ市区町村コードです。転入届などで転出元を確かめてください");
      }
      problem.ifPresent(text -> {
        throw ApiException.invalid("照会をやり直せません", Map.of("formerMunicipalityCode", text));
      });
      jdbc.update("""
          update vrs_mover_query set former_municipality_code = ?, attempt = attempt + 1, revised_by = ?,
            approved_by = null, approved_at = null, decision_reason = null, sent_at = null, answered_at = null,
            outcome = null, version = version + 1
          where id = ?""", formerMunicipalityCode, user, query.id());
      events.record(query.id(), "REVISED", "転出元の市区町村コードを " + query.formerMunicipalityCode() + " から "
          + formerMunicipalityCode + " に訂正して再照会", user);
    } else {
      String why = requireReason(reason, "終了");
      jdbc.update("update vrs_mover_query set closed_reason = ?, version = version + 1 where id = ?", why, query.id());
      events.record(query.id(), "CLOSED", "照会を終了: " + why, user);
    }
    audit.record(AuditOperation.VRS_MOVER_QUERY, query.residentId(), "case=" + query.id() + " after no match " + action);
  }

  void status(String businessKey, MoverQuery.Status status) {
    jdbc.update("update vrs_mover_query set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  List<Confirmation> confirmations(long id) {
    return jdbc.query("""
        select kind, document, confirmed_on, recorded_by, recorded_at from vrs_mover_consent where query_id = ?
        order by kind""", (rs, n) -> new Confirmation(rs.getString(1), rs.getString(2),
        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getTimestamp(5).toInstant()), id);
  }

  List<VrsPort.FormerDose> records(long id) {
    return jdbc.query("""
        select dose_number, dose_date, vaccine_maker, lot_number, municipality_code, ticket_number
        from vrs_mover_record where query_id = ? order by dose_number""", (rs, n) -> new VrsPort.FormerDose(
        rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6)), id);
  }

  ResidentDirectory.ResidentRef resident(MoverQuery query) {
    return residents.byId(query.residentId()).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
  }

  /** What the screen says when VRS found no one (R31): the code asked, and nothing about anybody. */
  static String noMatchMessage(MoverQuery query) {
    return "転出元の市区町村コード " + query.formerMunicipalityCode()
        + " の市区町村には、この個人番号の接種記録がありません。転入届などで転出元を確かめてください";
  }

  private Optional<String> codeProblem(String code) {
    if (code == null || !code.matches("\\d{6}")) {
      return Optional.of("市区町村コードは6桁の数字です（例: 131016）");
    }
    if (!MunicipalityCodes.valid(code)) {
      return Optional.of("市区町村コードの検査数字が合いません。入力を確かめてください");
    }
    if (code.equals(registrations.cityCode())) {
      return Optional.of("転出元に当市のコードは指定できません");
    }
    return Optional.empty();
  }

  private static long idOf(String requestId) {
    String[] parts = requestId.split("-");
    return parts.length == 4 && parts[2].matches("\\d{1,18}") ? Long.parseLong(parts[2]) : -1;
  }

  private static String requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid(what + "の理由を入力してください", Map.of("reason", what + "の理由を入力してください"));
    }
    return reason.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
