package jp.lg.immunization.vaccination.mistake;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Facts;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.InformedHow;
import jp.lg.immunization.vaccination.mistake.WrongVaccination.Status;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' data: opened from a dose record, completed step by step, reported to the prefecture. Every change is
 * on the report's timeline and in the audit trail. Runs inside the completing or starting transaction of the engine.
 */
@Service
class WrongVaccinationReports {

  /** A dose record as the report needs it. */
  record Dose(long id, long residentId, String vaccine, String category, LocalDate doseDate, LocalDate birthDate,
              String sex, String errorCode, String errorMessage) {

    boolean flagged() {
      return errorCode != null && (errorCode.contains("E032") || errorCode.contains("E034"));
    }
  }

  private static final String COLUMNS = """
      id, dose_record_id, resident_id, status, kind, rule_broken, what_happened, cause, prevention, health_damage,
      started_by, started_at, resident_informed_on, resident_informed_how, resident_informed_by, clinic_informed_on,
      clinic_contact, clinic_informed_by, approved_by, approved_at, reported_at, prefecture_receipt, version""";

  private final JdbcTemplate jdbc;
  private final WrongVaccinationEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  WrongVaccinationReports(JdbcTemplate jdbc, WrongVaccinationEvents events, CurrentUser currentUser,
                          AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens the report on a dose: one report per dose, none on a flag explained as no mistake. */
  @Transactional
  WrongVaccination open(long doseRecordId, Facts facts) {
    Dose dose = dose(doseRecordId).orElseThrow(() -> ApiException.invalid("接種記録が見つかりません",
        Map.of("doseRecordId", "接種記録の番号を確かめてください")));
    if (dismissed(doseRecordId)) {
      throw ApiException.conflict("dismissed", "この接種は上長が「間違いではない」と判断しています。報告する場合は判断の記録を確かめてください");
    }
    String user = currentUser.get().username();
    long id;
    try {
      id = jdbc.queryForObject("""
          insert into wrong_vaccination_report (dose_record_id, resident_id, status, kind, rule_broken, what_happened,
                                                cause, prevention, health_damage, started_by, started_at)
          values (?, ?, 'INFORMING', ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, dose.id(), dose.residentId(),
          facts.kind().name(), dose.flagged() ? dose.errorMessage() : null, facts.whatHappened().strip(),
          facts.cause().strip(), facts.prevention().strip(), facts.healthDamage().name(), user, now());
    } catch (DuplicateKeyException alreadyReported) {
      throw ApiException.conflict("already_reported", "この接種記録の間違い報告は既に作成されています");
    }
    events.record(id, "OPENED", "報告を作成（" + facts.kind().label() + "、健康被害 " + facts.healthDamage().label() + "）",
        user);
    audit.record(AuditOperation.WRONG_VACCINATION_REPORTED, dose.residentId(), "report " + id + " opened for dose "
        + dose.id() + " kind=" + facts.kind());
    return byId(id);
  }

  void residentInformed(String businessKey, LocalDate on, InformedHow how) {
    WrongVaccination report = byBusinessKey(businessKey);
    refuseFuture(on, "informedOn");
    jdbc.update("""
        update wrong_vaccination_report set resident_informed_on = ?, resident_informed_how = ?,
               resident_informed_by = ?, version = version + 1 where id = ?""", Date.valueOf(on), how.name(),
        currentUser.get().username(), report.id());
    changed(report, "RESIDENT_INFORMED", "被接種者（保護者）に説明（" + JapaneseDates.format(on) + "、" + how.label() + "）");
  }

  void clinicInformed(String businessKey, LocalDate on, String contact) {
    WrongVaccination report = byBusinessKey(businessKey);
    refuseFuture(on, "informedOn");
    jdbc.update("""
        update wrong_vaccination_report set clinic_informed_on = ?, clinic_contact = ?, clinic_informed_by = ?,
               version = version + 1 where id = ?""", Date.valueOf(on), contact.strip(), currentUser.get().username(),
        report.id());
    changed(report, "CLINIC_INFORMED", "医療機関に連絡（" + JapaneseDates.format(on) + "）");
  }

  void revise(String businessKey, Facts facts) {
    WrongVaccination report = byBusinessKey(businessKey);
    jdbc.update("""
        update wrong_vaccination_report set kind = ?, what_happened = ?, cause = ?, prevention = ?, health_damage = ?,
               version = version + 1 where id = ?""", facts.kind().name(), facts.whatHappened().strip(),
        facts.cause().strip(), facts.prevention().strip(), facts.healthDamage().name(), report.id());
    changed(report, "REVISED", "報告内容を修正（" + facts.kind().label() + "、健康被害 " + facts.healthDamage().label() + "）");
  }

  void decided(String businessKey, String decision, String reason) {
    WrongVaccination report = byBusinessKey(businessKey);
    if ("APPROVE".equals(decision)) {
      jdbc.update("update wrong_vaccination_report set approved_by = ?, approved_at = ?, version = version + 1 where id = ?",
          currentUser.get().username(), now(), report.id());
      changed(report, "APPROVED", "上長が報告を承認");
    } else {
      changed(report, "SENT_BACK", "上長が差戻し: " + reason.strip());
    }
  }

  /** Safe to repeat: the prefecture answers a repeated report with its first receipt. */
  void reported(String businessKey, String receipt) {
    WrongVaccination report = byBusinessKey(businessKey);
    if (receipt.equals(report.prefectureReceipt())) {
      return;
    }
    jdbc.update("""
        update wrong_vaccination_report set reported_at = ?, prefecture_receipt = ?, version = version + 1
        where id = ?""", now(), receipt, report.id());
    events.record(report.id(), "REPORTED", "都道府県へ報告（受付番号 " + receipt + "）", CaseTimeline.SYSTEM);
    audit.record(AuditOperation.WRONG_VACCINATION_REPORTED, report.residentId(), "report " + report.id()
        + " reported receipt=" + receipt);
  }

  /** The first end is the end: entering REPORTED again keeps its time. */
  void status(String businessKey, Status status) {
    jdbc.update("""
        update wrong_vaccination_report set status = ?,
               ended_at = case when ? then coalesce(ended_at, ?) else null end
        where id = ?""", status.name(), status.ended(), now(), id(businessKey));
  }

  WrongVaccination byBusinessKey(String businessKey) {
    return byId(id(businessKey));
  }

  WrongVaccination byId(long id) {
    return jdbc.query("select " + COLUMNS + " from wrong_vaccination_report where id = ?",
        WrongVaccinationReports::map, id).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("間違い報告が見つかりません"));
  }

  Optional<Dose> dose(long doseRecordId) {
    return jdbc.query("""
        select id, resident_id, vaccine, dose_category, dose_date, birth_date, sex, error_code, error_message
        from dose_record where id = ?""", (rs, n) -> new Dose(rs.getLong(1), rs.getLong(2), rs.getString(3),
        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
        rs.getString(9)), doseRecordId).stream().findFirst();
  }

  boolean dismissed(long doseRecordId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists (select 1 from wrong_vaccination_dismissal where dose_record_id = ?)", Boolean.class,
        doseRecordId));
  }

  private void changed(WrongVaccination report, String kind, String description) {
    String user = currentUser.get().username();
    events.record(report.id(), kind, description, user);
    audit.record(AuditOperation.WRONG_VACCINATION_REPORTED, report.residentId(), "report " + report.id() + " "
        + kind.toLowerCase());
  }

  private void refuseFuture(LocalDate day, String field) {
    if (day.isAfter(LocalDate.now(clock))) {
      throw ApiException.invalid("未来の日付は記録できません", Map.of(field, "今日までの日付を入力してください"));
    }
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }

  private static long id(String businessKey) {
    return Long.parseLong(businessKey);
  }

  private static WrongVaccination map(ResultSet rs, int n) throws SQLException {
    return new WrongVaccination(rs.getLong("id"), rs.getLong("dose_record_id"), rs.getLong("resident_id"),
        Status.valueOf(rs.getString("status")), WrongVaccination.Kind.valueOf(rs.getString("kind")),
        rs.getString("rule_broken"), rs.getString("what_happened"), rs.getString("cause"),
        rs.getString("prevention"), WrongVaccination.HealthDamage.valueOf(rs.getString("health_damage")),
        rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), date(rs, "resident_informed_on"),
        rs.getString("resident_informed_how"), rs.getString("resident_informed_by"), date(rs, "clinic_informed_on"),
        rs.getString("clinic_contact"), rs.getString("clinic_informed_by"), rs.getString("approved_by"),
        instant(rs, "approved_at"), instant(rs, "reported_at"), rs.getString("prefecture_receipt"),
        rs.getInt("version"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
