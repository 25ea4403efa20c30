package jp.lg.immunization.outsideprovision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisions outside the network (R13): recorded by one staff member, corrected or withdrawn when sent back, confirmed
 * by another who neither recorded nor corrected it (the workflow layer refuses them, the database checks again), and
 * sent only after that. What was confirmed is frozen by the database; a sent provision cannot change at all.
 */
@Service
class OutsideProvisions {

  static final String PROCESS_KEY = "OutsideProvision";

  /** The confirmer's decision; the BPMN's gateway reads it as {@code approval}. */
  enum Approval { APPROVE, SEND_BACK, REJECT }

  /** What staff record (the start form and the correction form). */
  record Details(OutsideProvision.RecipientKind recipientKind, String recipientName, String recipientContact,
                 OutsideProvision.Method method, String content, String purpose, String legalBasis) {}

  // A 個人番号 has no place in the record of what was provided (R06): twelve digits in a row are refused.
  private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9０-９])[0-9０-９]{12}(?![0-9０-９])");
  private static final Pattern MAIL_ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final OutsideProvisionEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  OutsideProvisions(JdbcTemplate jdbc, ResidentDirectory residents, OutsideProvisionEvents events,
                    CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  OutsideProvision byId(long id) {
    return jdbc.query("select " + OutsideProvision.COLUMNS + " from outside_provision where id = ?",
        OutsideProvision::map, id).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("ネットワーク以外による提供の記録が見つかりません"));
  }

  OutsideProvision byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  ResidentDirectory.ResidentRef resident(OutsideProvision provision) {
    return residents.byId(provision.residentId()).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
  }

  @Transactional
  OutsideProvision record(String addresseeNumber, Details details) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(addresseeNumber);
    Details checked = check(details);
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into outside_provision (resident_id, status, recipient_kind, recipient_name, recipient_contact, method,
            content, purpose, legal_basis, recorded_by, recorded_at)
          values (?, 'AWAITING_CONFIRMATION', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setLong(1, resident.id());
      statement.setString(2, checked.recipientKind().name());
      statement.setString(3, checked.recipientName());
      statement.setString(4, checked.recipientContact());
      statement.setString(5, checked.method().name());
      statement.setString(6, checked.content());
      statement.setString(7, checked.purpose());
      statement.setString(8, checked.legalBasis());
      statement.setString(9, user);
      statement.setTimestamp(10, Timestamp.from(Instant.now(clock)));
      return statement;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    events.record(id, "RECORDED", "記録: " + summary(checked), user);
    audit.record(AuditOperation.OUTSIDE_PROVISION_RECORDED, resident.id(),
        "provision=" + id + " method=" + checked.method() + " recipient=" + checked.recipientKind());
    return byId(id);
  }

  /** Staff correct a provision that was sent back; it goes to confirmation again. */
  @Transactional
  void revise(String businessKey, Details details) {
    OutsideProvision provision = byBusinessKey(businessKey);
    Details checked = check(details);
    String user = currentUser.get().username();
    jdbc.update("""
        update outside_provision set recipient_kind = ?, recipient_name = ?, recipient_contact = ?, method = ?,
          content = ?, purpose = ?, legal_basis = ?, revised_by = ?, version = version + 1
        where id = ?""", checked.recipientKind().name(), checked.recipientName(), checked.recipientContact(),
        checked.method().name(), checked.content(), checked.purpose(), checked.legalBasis(), user, provision.id());
    events.record(provision.id(), "REVISED", "差戻しを受けて訂正: " + summary(checked), user);
    audit.record(AuditOperation.OUTSIDE_PROVISION_UPDATED, provision.residentId(),
        "provision=" + provision.id() + " revised");
  }

  @Transactional
  void withdraw(String businessKey, String reason) {
    OutsideProvision provision = byBusinessKey(businessKey);
    String why = requireReason(reason, "取下げ", "withdrawalReason");
    String user = currentUser.get().username();
    jdbc.update("update outside_provision set decision_reason = ?, version = version + 1 where id = ?", why,
        provision.id());
    events.record(provision.id(), "WITHDRAWN", "取下げ: " + why, user);
    audit.record(AuditOperation.OUTSIDE_PROVISION_UPDATED, provision.residentId(),
        "provision=" + provision.id() + " withdrawn");
  }

  /**
   * The second staff member's check of content and recipient. Confirming needs both ticks: the content matches and is
   * what the purpose needs, and the recipient and address are right; sending back and refusing need the reason.
   */
  @Transactional
  void confirm(String businessKey, Approval approval, boolean contentChecked, boolean recipientChecked,
               String reason) {
    OutsideProvision provision = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    switch (approval) {
      case APPROVE -> {
        Map<String, String> missing = new LinkedHashMap<>();
        if (!contentChecked) {
          missing.put("contentChecked", "提供する内容を確認してください");
        }
        if (!recipientChecked) {
          missing.put("recipientChecked", "提供先と宛先を確認してください");
        }
        if (!missing.isEmpty()) {
          throw ApiException.invalid("内容と提供先の両方を確認してから確認済みにしてください", missing);
        }
        jdbc.update("""
            update outside_provision set confirmed_by = ?, confirmed_at = ?, decision_reason = ?, version = version + 1
            where id = ?""", user, Timestamp.from(Instant.now(clock)), blankToNull(reason), provision.id());
        events.record(provision.id(), "CONFIRMED", "内容と提供先を確認: " + provision.recipientName() + "（"
            + provision.recipientContact() + "）へ" + provision.method().label() + "で", user);
      }
      case SEND_BACK -> {
        String why = requireReason(reason, "差戻し", "reason");
        jdbc.update("update outside_provision set decision_reason = ?, version = version + 1 where id = ?", why,
            provision.id());
        events.record(provision.id(), "SENT_BACK", "差戻し: " + why, user);
      }
      case REJECT -> {
        String why = requireReason(reason, "提供しない判断", "reason");
        jdbc.update("update outside_provision set decision_reason = ?, version = version + 1 where id = ?", why,
            provision.id());
        events.record(provision.id(), "REJECTED", "提供しない: " + why, user);
      }
      default -> throw new IllegalStateException("unknown approval " + approval);
    }
    audit.record(AuditOperation.OUTSIDE_PROVISION_CONFIRMED, provision.residentId(),
        "provision=" + provision.id() + " decision=" + approval);
  }

  /** The sending, after confirmation: from now on the database refuses any change to the record. */
  @Transactional
  void markSent(String businessKey, LocalDate sentOn, String sendNote) {
    OutsideProvision provision = byBusinessKey(businessKey);
    LocalDate today = LocalDate.now(clock);
    if (sentOn.isAfter(today)) {
      throw ApiException.invalid("送付した日が未来の日付です", Map.of("sentOn", "送付した日が未来の日付です。送付してから記録してください"));
    }
    if (sentOn.isBefore(LocalDate.ofInstant(provision.confirmedAt(), clock.getZone()))) {
      throw ApiException.invalid("確認より前に送付したことになります", Map.of("sentOn", "送付した日が確認した日（"
          + JapaneseDates.format(LocalDate.ofInstant(provision.confirmedAt(), clock.getZone())) + "）より前です"));
    }
    String user = currentUser.get().username();
    jdbc.update("""
        update outside_provision set status = 'SENT', sent_on = ?, sent_by = ?, sent_at = ?, send_note = ?,
          version = version + 1 where id = ?""", Date.valueOf(sentOn), user, Timestamp.from(Instant.now(clock)),
        blankToNull(sendNote), provision.id());
    events.record(provision.id(), "SENT", JapaneseDates.format(sentOn) + "に送付"
        + (blankToNull(sendNote) == null ? "" : "（" + sendNote.strip() + "）"), user);
    audit.record(AuditOperation.OUTSIDE_PROVISION_SENT, provision.residentId(), "provision=" + provision.id());
  }

  /** Repeatable: the sending already set SENT, and a sent record refuses any update. */
  void status(String businessKey, OutsideProvision.Status status) {
    jdbc.update("update outside_provision set status = ?, version = version + 1 where id = ? and status <> ?",
        status.name(), Long.parseLong(businessKey), status.name());
  }

  Map<String, Object> formValues(OutsideProvision provision) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("recipientKind", provision.recipientKind().name());
    values.put("recipientName", provision.recipientName());
    values.put("recipientContact", provision.recipientContact());
    values.put("method", provision.method().name());
    values.put("content", provision.content());
    values.put("purpose", provision.purpose());
    values.put("legalBasis", provision.legalBasis());
    return values;
  }

  static String summary(Details details) {
    return details.recipientName() + "（" + details.recipientKind().label() + "、" + details.recipientContact() + "）へ"
        + details.method().label() + "で「" + details.content() + "」を提供。目的: " + details.purpose() + "。根拠: "
        + details.legalBasis();
  }

  private static Details check(Details details) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (Map.Entry<String, String> text : Map.of("recipientName", nullToEmpty(details.recipientName()),
        "recipientContact", nullToEmpty(details.recipientContact()), "content", nullToEmpty(details.content()),
        "purpose", nullToEmpty(details.purpose()), "legalBasis", nullToEmpty(details.legalBasis())).entrySet()) {
      if (TWELVE_DIGITS.matcher(text.getValue()).find()) {
        problems.put(text.getKey(), "個人番号と思われる12桁の数字は記録できません。提供の記録に個人番号は書きません");
      }
    }
    if (details.method() == OutsideProvision.Method.EMAIL
        && !MAIL_ADDRESS.matcher(nullToEmpty(details.recipientContact()).strip()).matches()) {
      problems.putIfAbsent("recipientContact", "電子メールで提供するときは、宛先に提供先の電子メールアドレスを入力してください");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("この内容では記録できません", problems);
    }
    return new Details(details.recipientKind(), details.recipientName().strip(), details.recipientContact().strip(),
        details.method(), details.content().strip(), details.purpose().strip(), details.legalBasis().strip());
  }

  private static String requireReason(String reason, String what, String field) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid(what + "の理由を入力してください", Map.of(field, what + "の理由を入力してください"));
    }
    return reason.strip();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
