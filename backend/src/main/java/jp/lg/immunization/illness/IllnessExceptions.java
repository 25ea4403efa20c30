package jp.lg.immunization.illness;

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
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.vaccination.DoseRecords;
import jp.lg.immunization.vaccination.Eligibility;
import jp.lg.immunization.vaccination.VaccineEligibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 長期療養特例 cases: recorded at the counter, corrected or withdrawn by staff when a supervisor sends them back, and
 * approved or rejected by a supervisor who neither recorded nor corrected them. Each vaccine's extension is computed by
 * {@link LongTermIllnessRule} when the case is recorded (so that the supervisor sees it) and again when it is approved
 * (on the birth date the register holds then); from approval on it is in force.
 */
@Service
class IllnessExceptions {

  static final String PROCESS_KEY = "LongTermIllnessException";
  static final String REVOCATION_PROCESS_KEY = "LongTermIllnessRevocation";

  /** The supervisor's decision; the BPMN's gateway reads it as {@code approval}. */
  enum Approval { APPROVE, SEND_BACK, REJECT }

  /** The supervisor's decision on a proposed revocation; the BPMN's gateway reads it as {@code revocation}. */
  enum Revocation { APPROVE, REJECT }


  /** What staff record about the illness and the doctor's statement (the start form and the correction form). */
  record Details(List<String> vaccineCodes, IllnessException.DiseaseCategory diseaseCategory, String diseaseName,
                 LocalDate illnessFrom, LocalDate illnessTo, IllnessException.StatementKind statementKind,
                 LocalDate statementReceivedOn, String statementInstitution, String statementDoctor, String note) {}

  /** One vaccine of a case and the last day of its extension. */
  record VaccineExtension(String vaccineCode, String vaccineName, LocalDate until) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final Eligibility eligibility;
  private final DoseRecords doses;
  private final IllnessEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  IllnessExceptions(JdbcTemplate jdbc, ResidentDirectory residents, Eligibility eligibility, DoseRecords doses,
                    IllnessEvents events, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.eligibility = eligibility;
    this.doses = doses;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  IllnessException byId(long id) {
    return jdbc.query("select " + IllnessException.COLUMNS + " from illness_exception where id = ?",
        IllnessException::map, id).stream().findFirst().orElseThrow(() -> ApiException.notFound("長期療養特例が見つかりません"));
  }

  IllnessException byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  List<VaccineExtension> vaccines(long id) {
    Map<String, String> names = vaccineNames();
    return jdbc.query("select vaccine_code, extended_until from illness_exception_vaccine where exception_id = ?"
        + " order by extended_until, vaccine_code", (rs, n) -> new VaccineExtension(rs.getString(1),
        names.getOrDefault(rs.getString(1), rs.getString(1)), rs.getObject(2, LocalDate.class)), id);
  }

  @Transactional
  IllnessException register(String addresseeNumber, Details details) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(addresseeNumber);
    Map<String, LocalDate> extensions = check(resident, details);
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into illness_exception (resident_id, status, disease_category, disease_name, illness_from, illness_to,
            statement_kind, statement_received_on, statement_institution, statement_doctor, note, recorded_by,
            recorded_at)
          values (?, 'AWAITING_APPROVAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setLong(1, resident.id());
      statement.setString(2, details.diseaseCategory().name());
      statement.setString(3, blankToNull(details.diseaseName()));
      statement.setDate(4, Date.valueOf(details.illnessFrom()));
      statement.setDate(5, Date.valueOf(details.illnessTo()));
      statement.setString(6, details.statementKind().name());
      statement.setDate(7, Date.valueOf(details.statementReceivedOn()));
      statement.setString(8, details.statementInstitution().strip());
      statement.setString(9, details.statementDoctor().strip());
      statement.setString(10, blankToNull(details.note()));
      statement.setString(11, user);
      statement.setTimestamp(12, Timestamp.from(Instant.now(clock)));
      return statement;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    storeExtensions(id, extensions);
    events.record(id, "RECORDED", "長期療養特例を記録（" + summary(details, extensions) + "）", user);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_RECORDED, resident.id(),
        "case=" + id + " vaccines=" + String.join(",", extensions.keySet()));
    return byId(id);
  }

  /** Staff correct a case the supervisor sent back; it goes to approval again. */
  @Transactional
  void revise(String businessKey, Details details) {
    IllnessException exception = byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = resident(exception);
    Map<String, LocalDate> extensions = check(resident, details);
    String user = currentUser.get().username();
    jdbc.update("""
        update illness_exception set disease_category = ?, disease_name = ?, illness_from = ?, illness_to = ?,
          statement_kind = ?, statement_received_on = ?, statement_institution = ?, statement_doctor = ?, note = ?,
          revised_by = ?, version = version + 1
        where id = ?""", details.diseaseCategory().name(), blankToNull(details.diseaseName()),
        Date.valueOf(details.illnessFrom()), Date.valueOf(details.illnessTo()), details.statementKind().name(),
        Date.valueOf(details.statementReceivedOn()), details.statementInstitution().strip(),
        details.statementDoctor().strip(), blankToNull(details.note()), user, exception.id());
    storeExtensions(exception.id(), extensions);
    events.record(exception.id(), "REVISED", "差戻しを受けて訂正（" + summary(details, extensions) + "）", user);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_UPDATED, exception.residentId(),
        "case=" + exception.id() + " revised vaccines=" + String.join(",", extensions.keySet()));
  }

  /** Staff withdraw a case the supervisor sent back (取下げ: recorded by mistake, or the statement does not hold). */
  @Transactional
  void withdraw(String businessKey, String reason) {
    IllnessException exception = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    String why = requireReason(reason, "取下げ");
    jdbc.update("update illness_exception set decision_reason = ?, expires_on = ?, version = version + 1 where id = ?",
        why, Date.valueOf(LocalDate.now(clock)), exception.id());
    events.record(exception.id(), "WITHDRAWN", "取下げ: " + why, user);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_UPDATED, exception.residentId(),
        "case=" + exception.id() + " withdrawn");
  }

  /**
   * The supervisor's decision. The workflow layer has already refused whoever recorded or corrected the case; the
   * database checks it again. Approval computes the extensions anew and puts them in force.
   */
  @Transactional
  void decide(String businessKey, Approval approval, String reason) {
    IllnessException exception = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    Instant now = Instant.now(clock);
    switch (approval) {
      case APPROVE -> {
        Map<String, LocalDate> extensions = check(resident(exception), details(exception));
        storeExtensions(exception.id(), extensions);
        LocalDate last = extensions.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        jdbc.update("""
            update illness_exception set decided_by = ?, decided_at = ?, decision_reason = ?, expires_on = ?,
              version = version + 1 where id = ?""", user, Timestamp.from(now), blankToNull(reason), Date.valueOf(last),
            exception.id());
        events.record(exception.id(), "APPROVED", "承認: " + extensionText(extensions) + "まで定期接種として扱う", user);
      }
      case SEND_BACK -> {
        String why = requireReason(reason, "差戻し");
        jdbc.update("update illness_exception set decision_reason = ?, version = version + 1 where id = ?", why,
            exception.id());
        events.record(exception.id(), "SENT_BACK", "差戻し: " + why, user);
      }
      case REJECT -> {
        String why = requireReason(reason, "却下");
        jdbc.update("""
            update illness_exception set decided_by = ?, decided_at = ?, decision_reason = ?, expires_on = ?,
              version = version + 1 where id = ?""", user, Timestamp.from(now), why,
            Date.valueOf(LocalDate.now(clock)), exception.id());
        events.record(exception.id(), "REJECTED", "却下: " + why, user);
      }
      default -> throw new IllegalStateException("unknown approval " + approval);
    }
    audit.record(AuditOperation.ILLNESS_EXCEPTION_DECIDED, exception.residentId(),
        "case=" + exception.id() + " decision=" + approval);
  }

  /**
   * Staff propose to revoke a case in force; it stays in force until a supervisor who did not propose it approves.
   * Refuses a case that is not in force, or whose revocation is already waiting.
   */
  @Transactional
  IllnessException proposeRevocation(Long exceptionId, String reason) {
    String why = requireReason(reason, "取消し");
    IllnessException exception = exceptionId == null ? null : jdbc.query("select " + IllnessException.COLUMNS
        + " from illness_exception where id = ? for update", IllnessException::map, exceptionId).stream()
        .findFirst().orElse(null);
    if (exception == null) {
      throw ApiException.invalid("取り消す長期療養特例が見つかりません",
          Map.of("exceptionId", "この番号の長期療養特例はありません"));
    }
    if (exception.status() == IllnessException.Status.REVOCATION_PENDING) {
      throw ApiException.conflict("revocation_pending", "長期療養特例 第" + exception.id() + "号は、すでに取消しの承認待ちです");
    }
    if (exception.status() != IllnessException.Status.IN_FORCE) {
      throw ApiException.conflict("not_in_force", "取り消せるのは適用中の長期療養特例だけです（第" + exception.id() + "号は「"
          + exception.status().label() + "」）");
    }
    String user = currentUser.get().username();
    jdbc.update("""
        update illness_exception set status = 'REVOCATION_PENDING', revocation_reason = ?, revocation_proposed_by = ?,
          version = version + 1 where id = ?""", why, user, exception.id());
    events.record(exception.id(), "REVOCATION_PROPOSED", "取消しの申出: " + why, user);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_UPDATED, exception.residentId(),
        "case=" + exception.id() + " revocation proposed");
    return byId(exception.id());
  }

  /**
   * The supervisor's decision on a proposed revocation. The workflow layer has refused whoever proposed it; the
   * database checks it again. A revocation applies from now: the case's extensions are no longer in force.
   */
  @Transactional
  void decideRevocation(String businessKey, Revocation revocation, String reason) {
    IllnessException exception = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    if (revocation == Revocation.APPROVE) {
      jdbc.update("update illness_exception set revoked_by = ?, revoked_at = ?, version = version + 1 where id = ?",
          user, Timestamp.from(Instant.now(clock)), exception.id());
      events.record(exception.id(), "REVOKED", "取消しを承認: 特例による延長はなくなりました"
          + (reason == null || reason.isBlank() ? "" : "（" + reason.strip() + "）"), user);
    } else {
      String why = requireReason(reason, "取り消さない判断");
      jdbc.update("""
          update illness_exception set revocation_reason = null, revocation_proposed_by = null, version = version + 1
          where id = ?""", exception.id());
      events.record(exception.id(), "REVOCATION_REFUSED", "取り消さない: " + why, user);
    }
    audit.record(AuditOperation.ILLNESS_EXCEPTION_DECIDED, exception.residentId(),
        "case=" + exception.id() + " revocation=" + revocation);
  }

  /**
   * After the register changed a resident's identity items, each case not ended (or in force) is judged again on the
   * birth date the register now holds: an extension's last day follows the upper age, and a vaccine whose upper age
   * was reached before the illness ended has none any more. What changed is written on the case's timeline.
   */
  @Transactional
  void recomputeAfterRegisterChange(long residentId) {
    List<IllnessException> open = jdbc.query("select " + IllnessException.COLUMNS + " from illness_exception"
        + " where resident_id = ? and status in ('AWAITING_APPROVAL', 'SENT_BACK', 'IN_FORCE', 'REVOCATION_PENDING')"
        + " for update", IllnessException::map, residentId);
    if (open.isEmpty()) {
      return;
    }
    LocalDate birth = residents.byId(residentId).orElseThrow().birthDate();
    Map<String, String> names = vaccineNames();
    for (IllnessException exception : open) {
      Map<String, LocalDate> before = new LinkedHashMap<>();
      vaccines(exception.id()).forEach(vaccine -> before.put(vaccine.vaccineCode(), vaccine.until()));
      Map<String, LocalDate> after = new LinkedHashMap<>();
      before.keySet().forEach(code -> LongTermIllnessRule.until(code, birth, exception.illnessTo())
          .ifPresent(until -> after.put(code, until)));
      if (after.equals(before)) {
        continue;
      }
      storeExtensions(exception.id(), after);
      if (exception.status().ended() || exception.status() == IllnessException.Status.REVOCATION_PENDING) {
        jdbc.update("update illness_exception set expires_on = ?, version = version + 1 where id = ?",
            Date.valueOf(after.values().stream().max(Comparator.naturalOrder()).orElse(LocalDate.now(clock))),
            exception.id());
      }
      List<String> lost = before.keySet().stream().filter(code -> !after.containsKey(code))
          .map(code -> names.getOrDefault(code, code)).toList();
      events.record(exception.id(), "RECOMPUTED", "生年月日の訂正（" + JapaneseDates.format(birth) + "）により期限を再計算: "
          + (after.isEmpty() ? "特例の対象となるワクチンはなくなりました" : extensionText(after) + "まで")
          + (lost.isEmpty() ? "" : "（上限年齢のため対象外: " + String.join("・", lost) + "）"), CaseTimeline.SYSTEM);
      audit.record(AuditOperation.ILLNESS_EXCEPTION_UPDATED, residentId,
          "case=" + exception.id() + " recomputed vaccines=" + String.join(",", after.keySet()));
    }
  }


  void status(String businessKey, IllnessException.Status status) {
    jdbc.update("update illness_exception set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  /** The values the correction form opens with: the case as it stands. */
  Map<String, Object> formValues(IllnessException exception) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("vaccineCodes", vaccines(exception.id()).stream().map(VaccineExtension::vaccineCode).toList());
    values.put("diseaseCategory", exception.diseaseCategory().name());
    Optional.ofNullable(exception.diseaseName()).ifPresent(name -> values.put("diseaseName", name));
    values.put("illnessFrom", exception.illnessFrom().toString());
    values.put("illnessTo", exception.illnessTo().toString());
    values.put("statementKind", exception.statementKind().name());
    values.put("statementReceivedOn", exception.statementReceivedOn().toString());
    values.put("statementInstitution", exception.statementInstitution());
    values.put("statementDoctor", exception.statementDoctor());
    Optional.ofNullable(exception.note()).ifPresent(note -> values.put("note", note));
    return values;
  }

  ResidentDirectory.ResidentRef resident(IllnessException exception) {
    return residents.byId(exception.residentId()).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
  }

  Map<String, String> vaccineNames() {
    return eligibility.routineVaccines().stream()
        .collect(Collectors.toMap(Eligibility.RoutineVaccine::code, Eligibility.RoutineVaccine::name));
  }

  /**
   * Checks the details against the resident and the calendar and computes each vaccine's extension; refuses, naming
   * the field, what cannot be a special case.
   */
  private Map<String, LocalDate> check(ResidentDirectory.ResidentRef resident, Details details) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(clock);
    if (details.illnessFrom().isAfter(details.illnessTo())) {
      problems.put("illnessTo", "特別の事情がなくなった日は、療養の始まり以降の日付にしてください");
    } else if (details.illnessTo().isAfter(today)) {
      problems.put("illnessTo", "特別の事情がなくなった日が未来の日付です。療養が終わってから記録してください");
    }
    if (details.illnessFrom().isBefore(resident.birthDate())) {
      problems.put("illnessFrom", "療養の始まりが生年月日（" + JapaneseDates.format(resident.birthDate()) + "）より前です");
    }
    if (details.statementReceivedOn().isAfter(today)) {
      problems.put("statementReceivedOn", "意見書・診断書の受付日が未来の日付です");
    }
    Map<String, String> names = vaccineNames();
    Map<String, LocalDate> extensions = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (String code : details.vaccineCodes() == null ? List.<String>of() : details.vaccineCodes()) {
      String name = names.getOrDefault(code, code);
      if (!LongTermIllnessRule.VACCINES.contains(code)) {
        refused.add(name + "はこの特例の対象ではありません（A類の定期接種のみ）");
      } else if (!problems.containsKey("illnessTo") && !problems.containsKey("illnessFrom")) {
        Optional<String> outside = outsideRoutinePeriod(resident, code, name, details);
        if (outside.isPresent()) {
          refused.add(outside.get());
        } else {
          LongTermIllnessRule.until(code, resident.birthDate(), details.illnessTo()).ifPresentOrElse(
              day -> extensions.put(code, day), () -> refused.add(name + "は療養が終わる前に特例の上限年齢（"
                  + LongTermIllnessRule.upperAgeYears(code).orElseThrow() + "歳）に達しているため対象になりません"));
        }
      }
    }
    if (!refused.isEmpty()) {
      problems.put("vaccineCodes", String.join("。", refused));
    } else if (details.vaccineCodes() == null || details.vaccineCodes().isEmpty()) {
      problems.put("vaccineCodes", "対象のワクチンを選んでください");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("長期療養特例として記録できません", problems);
    }
    return extensions;
  }

  /**
   * The special case is for a resident who could not be vaccinated in the routine period because of the illness: the
   * illness must overlap the period. It had begun by the day the illness ended (judged as for a resident without
   * doses: no longer too young), and had neither ended nor been completed by the day the illness began (judged with
   * the doses received before that day).
   */
  private Optional<String> outsideRoutinePeriod(ResidentDirectory.ResidentRef resident, String code, String name,
                                                Details details) {
    VaccineEligibility atEnd = eligibility.forVaccine(code, resident.birthDate(), resident.sex(), List.of(), false,
        List.of(), details.illnessTo());
    if (atEnd.status() == VaccineEligibility.Status.NOT_ELIGIBLE) {
      return Optional.of(name + "の定期接種の対象者ではありません");
    }
    if (atEnd.status() == VaccineEligibility.Status.UPCOMING) {
      return Optional.of(name + "は療養が終わった" + JapaneseDates.format(details.illnessTo())
          + "にまだ定期接種の期間が始まっていないため対象になりません");
    }
    List<DoseRecords.Dose> before = doses.of(resident.id()).stream()
        .filter(dose -> dose.doseDate().isBefore(details.illnessFrom())).toList();
    VaccineEligibility atStart = eligibility.forVaccine(code, resident.birthDate(), resident.sex(), before, false,
        List.of(), details.illnessFrom());
    return switch (atStart.status()) {
      case OVERDUE -> Optional.of(name + "は療養が始まった" + JapaneseDates.format(details.illnessFrom())
          + "より前に定期接種の期間が終わっているため対象になりません");
      case COMPLETED -> Optional.of(name + "は療養が始まる前に定期接種を終えているため対象になりません");
      default -> Optional.empty();
    };
  }


  private void storeExtensions(long id, Map<String, LocalDate> extensions) {
    jdbc.update("delete from illness_exception_vaccine where exception_id = ?", id);
    extensions.forEach((code, until) -> jdbc.update(
        "insert into illness_exception_vaccine (exception_id, vaccine_code, extended_until) values (?, ?, ?)", id,
        code, Date.valueOf(until)));
  }

  private Details details(IllnessException exception) {
    return new Details(vaccines(exception.id()).stream().map(VaccineExtension::vaccineCode).toList(),
        exception.diseaseCategory(), exception.diseaseName(), exception.illnessFrom(), exception.illnessTo(),
        exception.statementKind(), exception.statementReceivedOn(), exception.statementInstitution(),
        exception.statementDoctor(), exception.note());
  }

  private String summary(Details details, Map<String, LocalDate> extensions) {
    return "療養期間 " + JapaneseDates.format(details.illnessFrom()) + "〜" + JapaneseDates.format(details.illnessTo())
        + "、" + details.statementKind().label() + " " + JapaneseDates.format(details.statementReceivedOn()) + "受付、"
        + extensionText(extensions) + "まで";
  }

  private String extensionText(Map<String, LocalDate> extensions) {
    Map<String, String> names = vaccineNames();
    return extensions.entrySet().stream().map(entry -> names.getOrDefault(entry.getKey(), entry.getKey()) + " "
        + JapaneseDates.format(entry.getValue())).collect(Collectors.joining("・"));
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
