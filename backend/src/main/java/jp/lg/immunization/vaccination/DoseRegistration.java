package jp.lg.immunization.vaccination;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dose records entered at the counter from a 予診票, and ex-officio corrections of recorded doses (職権修正, R05):
 * both pass the same validation, refuse errors with their エラーコード, and register a warning only once a person
 * has confirmed it. Every registration and correction is audited (R04).
 */
@Service
class DoseRegistration {

  record Correction(long id, Map<String, String> before, Map<String, String> after, String reason,
                    String correctedBy, Instant correctedAt) {}

  private final DoseStore store;
  private final DoseChecks checks;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final DoseJson json;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DoseRegistration(DoseStore store, DoseChecks checks, ResidentDirectory residents, CurrentUser currentUser,
                   AuditTrail audit, JdbcTemplate jdbc, DoseJson json, ApplicationEventPublisher events,
                   Clock clock) {
    this.store = store;
    this.checks = checks;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  long register(Map<String, String> items, boolean warningsConfirmed) {
    DoseInput input = DoseInput.fromKeys(items);
    Optional<ResidentRef> resident = Optional.ofNullable(input.get(DoseItem.ADDRESSEE_NUMBER))
        .flatMap(residents::byAddresseeNumber);
    DoseValidation.Checked checked = checks.one(input, resident, null);
    refuseUnlessAcceptable(checked, warningsConfirmed);
    long id = store.insert(checked, DoseStore.Source.COUNTER, currentUser.get().username());
    audit.record(AuditOperation.DOSE_REGISTER, checked.residentId(), "dose " + id + " " + checked.vaccine().name()
        + " " + checked.category() + (checked.hasWarnings() ? " with " + checked.errorCodes() : ""));
    events.publishEvent(new DoseRecordsChanged(Set.of(checked.residentId()), currentUser.get().username(),
        "窓口での接種記録の登録"));
    return id;
  }

  /** The record stays the same resident's: a dose given to someone else is removed and registered anew. */
  @Transactional
  void correct(long id, int version, Map<String, String> items, String reason, boolean warningsConfirmed) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("修正理由を入力してください", Map.of("reason", "職権修正には理由が必要です"));
    }
    DoseStore.Stored stored = store.find(id).orElseThrow(() -> ApiException.notFound("接種記録が見つかりません"));
    ResidentRef resident = residents.byId(stored.residentId()).orElseThrow();
    DoseInput input = DoseInput.fromKeys(items).with(DoseItem.ADDRESSEE_NUMBER, resident.addresseeNumber());
    DoseValidation.Checked checked = checks.one(input, Optional.of(resident), id);
    refuseUnlessAcceptable(checked, warningsConfirmed);

    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    for (DoseItem item : DoseItem.values()) {
      if (item.column() == null) {
        continue;
      }
      String old = stored.items().get(item);
      Object value = checked.values().get(item);
      String now = value == null ? null : DoseStore.text(value);
      if (!Objects.equals(old, now)) {
        before.put(item.key(), old);
        after.put(item.key(), now);
      }
    }
    if (after.isEmpty()) {
      throw ApiException.badRequest("nothing_changed", "変更された項目がありません");
    }
    if (!store.update(id, version, checked)) {
      throw CaseVersion.stale("接種記録");
    }
    jdbc.update("""
        insert into dose_correction (dose_record_id, before_content, after_content, reason, corrected_by, corrected_at)
        values (?, ?::jsonb, ?::jsonb, ?, ?, ?)""", id, json.write(before), json.write(after), reason.strip(),
        currentUser.get().username(), Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.DOSE_CORRECT, resident.id(), "dose " + id + " items " + after.keySet());
    events.publishEvent(new DoseRecordsChanged(Set.of(resident.id()), currentUser.get().username(),
        "接種記録の職権修正: " + reason.strip()));
  }

  @Transactional(readOnly = true)
  List<Correction> corrections(long id) {
    return jdbc.query("""
        select id, before_content, after_content, reason, corrected_by, corrected_at from dose_correction
        where dose_record_id = ? order by corrected_at, id""", (rs, n) -> new Correction(rs.getLong(1),
        json.items(rs.getString(2)), json.items(rs.getString(3)), rs.getString(4), rs.getString(5),
        rs.getTimestamp(6).toInstant()), id);
  }

  private static void refuseUnlessAcceptable(DoseValidation.Checked checked, boolean warningsConfirmed) {
    if (checked.hasErrors()) {
      throw ApiException.invalid("接種記録に誤りがあります（" + codes(checked) + "）", byItem(checked));
    }
    if (checked.hasWarnings() && !warningsConfirmed) {
      throw ApiException.confirmationRequired("確認が必要な項目があります（" + codes(checked)
          + "）。内容を確かめ、このまま登録する場合は確認のうえ登録してください", byItem(checked));
    }
  }

  private static String codes(DoseValidation.Checked checked) {
    return checked.problems().stream().map(DoseProblem::code).distinct().collect(Collectors.joining("、"));
  }

  private static Map<String, String> byItem(DoseValidation.Checked checked) {
    return checked.problems().stream().collect(Collectors.toMap(
        problem -> problem.item() == null ? "record" : problem.item(), DoseProblem::text,
        (first, second) -> first + " / " + second, LinkedHashMap::new));
  }
}
