package jp.lg.immunization.disclosure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseVersion;
import jp.lg.immunization.workflow.FourEyes;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' requests (開示・訂正・利用停止請求, R28): intake, identity check, decision and approval, the one extension,
 * corrections and the notice. Every change of a request moves its version, and a change made on a stale view is refused.
 */
@Service
class ResidentRequests {

  static final String PROCESS_KEY = "ResidentDataRequest";
  static final String EXTENSION_MESSAGE = "ResidentRequestDeadlineExtended";
  /** How staff call a request in messages. */
  private static final String NOUN = "請求";

  /** What staff enter at the counter; the requester is named and related, nothing more. */
  record Intake(ResidentRequest.Kind kind, String addresseeNumber, String requesterType, String requesterName,
                String requesterRelation, String requestText, LocalDate receivedOn) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final ResidentRequestEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final Clock clock;
  private final FourEyes fourEyes;

  ResidentRequests(JdbcTemplate jdbc, ResidentDirectory residents, ResidentRequestEvents events,
                   CurrentUser currentUser, AuditTrail audit, RuntimeService runtime, Clock clock, FourEyes fourEyes) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.runtime = runtime;
    this.clock = clock;
    this.fourEyes = fourEyes;
  }

  ResidentRequest byId(long id) {
    return jdbc.query("select " + ResidentRequest.COLUMNS + " from resident_request where id = ?", ResidentRequest::map,
        id).stream().findFirst().orElseThrow(() -> ApiException.notFound("請求が見つかりません"));
  }

  ResidentRequest byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  // ------------------------------------------------------------------------------------------------ intake

  @Transactional
  ResidentRequest register(Intake intake) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(intake.addresseeNumber());
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(clock);
    if (intake.receivedOn().isAfter(today)) {
      problems.put("receivedOn", "受付日が未来の日付です");
    }
    boolean self = "SELF".equals(intake.requesterType());
    String relation = intake.requesterRelation() == null ? "" : intake.requesterRelation().strip();
    if (!self && relation.isEmpty()) {
      problems.put("requesterRelation", "代理人による請求では、本人との関係を入力してください");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("入力内容に誤りがあります", problems);
    }
    ResidentRequest.Kind kind = intake.kind();
    LocalDate dueOn = RequestDeadlines.dueOn(intake.receivedOn());
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into resident_request (kind, status, resident_id, requester_type, requester_name, requester_relation,
            request_text, received_on, received_by, due_on)
          values (?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, kind.name());
      statement.setLong(2, resident.id());
      statement.setString(3, intake.requesterType());
      statement.setString(4, intake.requesterName().strip());
      statement.setString(5, self || relation.isEmpty() ? null : relation);
      statement.setString(6, intake.requestText().strip());
      statement.setDate(7, Date.valueOf(intake.receivedOn()));
      statement.setString(8, user);
      statement.setDate(9, Date.valueOf(dueOn));
      return statement;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    events.record(id, "RECEIVED", kind.label() + "を受付（請求者: "
        + ResidentRequest.requesterTypeLabel(intake.requesterType()) + "、受付日 " + JapaneseDates.format(intake.receivedOn())
        + "、決定の期限 " + JapaneseDates.format(dueOn) + "）", user);
    audit.record(AuditOperation.RESIDENT_REQUEST_REGISTERED, resident.id(), "request=" + id + " kind=" + kind.name());
    return byId(id);
  }

  // ------------------------------------------------------------------------------------------------ steps

  void status(String businessKey, ResidentRequest.Status status) {
    jdbc.update("update resident_request set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  @Transactional
  void checkIdentity(String businessKey, String document, String result, String note) {
    ResidentRequest request = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    jdbc.update("""
        update resident_request set identity_document = ?, identity_result = ?, identity_note = ?,
          identity_checked_by = ?, identity_checked_at = ?, version = version + 1 where id = ?""",
        document, result, note, user, Timestamp.from(Instant.now(clock)), request.id());
    events.record(request.id(), "IDENTITY", "本人確認（" + ResidentRequest.identityDocumentLabel(document) + "）: "
        + ("CONFIRMED".equals(result) ? "確認した" : "確認できない（返戻）") + (note == null ? "" : "　" + note), user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(),
        "request=" + request.id() + " identity=" + result);
  }

  @Transactional
  void decide(String businessKey, ResidentRequest.Decision decision, String reason) {
    ResidentRequest request = byBusinessKey(businessKey);
    if (decision.kind() != request.kind()) {
      throw ApiException.invalid("請求の種類に合わない決定です", Map.of("decision", request.kind().label() + "への決定は "
          + request.kind().decisions().stream().map(ResidentRequest.Decision::label).collect(Collectors.joining("・"))
          + " のいずれかです"));
    }
    String user = currentUser.get().username();
    jdbc.update("""
        update resident_request set decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?, approved_by = null,
          approved_at = null, version = version + 1 where id = ?""",
        decision.name(), reason, user, Timestamp.from(Instant.now(clock)), request.id());
    events.record(request.id(), "DECIDED", "決定: " + decision.label() + "　理由: " + reason, user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(),
        "request=" + request.id() + " decision=" + decision.name());
  }

  @Transactional
  void approve(String businessKey, String approval, String reason) {
    ResidentRequest request = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    String decision = request.decision() == null ? "" : request.decision().label();
    if ("APPROVE".equals(approval)) {
      jdbc.update("update resident_request set approved_by = ?, approved_at = ?, version = version + 1 where id = ?",
          user, Timestamp.from(Instant.now(clock)), request.id());
      events.record(request.id(), "APPROVED", "上長が決定（" + decision + "）を承認", user);
    } else {
      jdbc.update("""
          update resident_request set decision = null, decision_reason = null, decided_by = null, decided_at = null,
            version = version + 1 where id = ?""", request.id());
      events.record(request.id(), "SENT_BACK", "上長が決定（" + decision + "）を差し戻し: " + reason, user);
    }
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(),
        "request=" + request.id() + " approval=" + approval);
  }

  void recordFollowUp(String businessKey, String what, String note) {
    events.record(byBusinessKey(businessKey).id(), "FOLLOW_UP", what + ": " + note, currentUser.get().username());
  }

  @Transactional
  void recordCorrection(String businessKey, String item, String before, String after) {
    ResidentRequest request = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    jdbc.update("""
        insert into resident_request_correction (request_id, item, before_text, after_text, corrected_by, corrected_at)
        values (?, ?, ?, ?, ?, ?)""", request.id(), item.strip(), before, after, user, Timestamp.from(Instant.now(clock)));
    events.record(request.id(), "CORRECTED", "訂正: " + item.strip(), user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(), "request=" + request.id() + " corrected");
  }

  void markOverdue(String businessKey) {
    ResidentRequest request = byBusinessKey(businessKey);
    jdbc.update("update resident_request set overdue = true, version = version + 1 where id = ?", request.id());
    events.record(request.id(), "OVERDUE", "決定の期限（" + JapaneseDates.format(request.dueOn()) + "）を過ぎました",
        ResidentRequestEvents.SYSTEM);
  }

  void recordNotice(long id, String text) {
    jdbc.update("update resident_request set notice_text = ?, notice_prepared_at = ?, version = version + 1 where id = ?",
        text, Timestamp.from(Instant.now(clock)), id);
    events.record(id, "NOTICE", "決定通知書を作成", ResidentRequestEvents.SYSTEM);
  }

  @Transactional
  void recordNoticeSent(String businessKey, LocalDate sentOn, String delivery) {
    ResidentRequest request = byBusinessKey(businessKey);
    if (sentOn.isAfter(LocalDate.now(clock)) || sentOn.isBefore(request.receivedOn())) {
      throw ApiException.invalid("送付日が正しくありません", Map.of("noticeSentOn", "受付日から今日までの日付を入力してください"));
    }
    String user = currentUser.get().username();
    jdbc.update("""
        update resident_request set notice_sent_on = ?, notice_recorded_by = ?, version = version + 1 where id = ?""",
        Date.valueOf(sentOn), user, request.id());
    events.record(request.id(), "NOTICE_SENT", "決定通知書を" + ("COUNTER".equals(delivery) ? "窓口で交付" : "郵送") + "（"
        + JapaneseDates.format(sentOn) + "）", user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(), "request=" + request.id() + " notified");
  }

  // ------------------------------------------------------------------------------------------------ extension

  /**
   * The one extension of 30 days (R28), only with the notice to the requester recorded: its reason and the day it was
   * sent, within the period. The process then watches the new due date; anything refused changes nothing.
   */
  @Transactional
  void extend(long id, int version, String reason, LocalDate noticeSentOn) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (reason == null || reason.isBlank()) {
      problems.put("reason", "延長の理由（請求者への通知に書いた理由）を入力してください");
    }
    if (noticeSentOn == null) {
      problems.put("noticeSentOn", "延長の通知を請求者に送付した日を入力してください");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("延長には、請求者への延長の通知（理由と送付日）の記録が必要です", problems);
    }
    ResidentRequest request = byId(id);
    CaseVersion.require(request.version(), version, NOUN);
    LocalDate today = LocalDate.now(clock);
    LocalDate alreadyExtendedTo = extendedDueOn(id);
    if (alreadyExtendedTo != null) {
      throw ApiException.conflict("already_extended", "期限の延長は1回だけです（既に"
          + JapaneseDates.format(alreadyExtendedTo) + "まで延長済み）");
    }
    if (!request.status().undecided()) {
      throw ApiException.conflict("not_extendable", "決定済みの請求の期限は延長できません（" + request.status().label() + "）");
    }
    if (request.overdue() || today.isAfter(request.dueOn())) {
      throw ApiException.conflict("deadline_passed", "期限（" + JapaneseDates.format(request.dueOn())
          + "）を過ぎているため延長できません。延長は期限内に通知する必要があります");
    }
    if (noticeSentOn.isAfter(today) || noticeSentOn.isBefore(request.receivedOn())) {
      throw ApiException.invalid("延長の通知の送付日が正しくありません", Map.of("noticeSentOn",
          "受付日から今日までの日付を入力してください"));
    }
    // Moving a legal deadline needs a second person (README, "Second person").
    fourEyes.requireSecondPerson(PROCESS_KEY, String.valueOf(id), "extend");
    LocalDate newDue = RequestDeadlines.extended(request.dueOn());
    String user = currentUser.get().username();
    // The row lock of this update makes a second extension at the same moment wait, then find the version moved.
    if (jdbc.update("update resident_request set due_on = ?, version = version + 1 where id = ? and version = ?",
        Date.valueOf(newDue), id, version) == 0) {
      throw CaseVersion.stale(NOUN);
    }
    jdbc.update("""
        insert into resident_request_extension (request_id, reason, notice_sent_on, previous_due_on, new_due_on,
          recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""", id, reason.strip(), Date.valueOf(noticeSentOn),
        Date.valueOf(request.dueOn()), Date.valueOf(newDue), user, Timestamp.from(Instant.now(clock)));
    events.record(id, "EXTENDED", "決定の期限を" + JapaneseDates.format(request.dueOn()) + "から"
        + JapaneseDates.format(newDue) + "に延長（延長の通知 " + JapaneseDates.format(noticeSentOn) + "送付）　理由: "
        + reason.strip(), user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, request.residentId(), "request=" + id + " extended");
    try {
      // The message belongs to this process alone, so the business key names the request's instance.
      runtime.createMessageCorrelation(EXTENSION_MESSAGE).processInstanceBusinessKey(String.valueOf(id))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("not_extendable", "この請求は今、期限を延長できる段階にありません（"
          + request.status().label() + "）");
    }
  }

  /** The extension's new due date, when the request has one. */
  LocalDate extendedDueOn(long id) {
    return jdbc.queryForList("select new_due_on from resident_request_extension where request_id = ?", Date.class, id)
        .stream().findFirst().map(Date::toLocalDate).orElse(null);
  }
}
