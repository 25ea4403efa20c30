package jp.lg.immunization.vaccination.mistake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.LegalDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of 予防接種の間違い: the doses flagged when they were registered (E032, E034) in a 年度 with what was
 * done about each, one report, a supervisor's explanation that a flag is no mistake, and the annual report's CSV.
 */
@Service
class WrongVaccinationViews {

  /** A flagged dose and its state: OPEN (nothing done yet), a report's status, or DISMISSED. */
  record Flagged(long doseRecordId, LocalDate doseDate, String vaccine, String category, String errorCode,
                 String ruleBroken, Resident resident, String state, String stateLabel, Long reportId,
                 String dismissalReason, String dismissedBy) {}

  record Resident(long id, String addresseeNumber, String name, String nameKana) {}

  record Detail(long id, String status, String statusLabel, long doseRecordId, LocalDate doseDate, String vaccine,
                String category, Resident resident, String kind, String kindLabel, String ruleBroken,
                String whatHappened, String cause, String prevention, String healthDamage, String healthDamageLabel,
                String startedBy, Instant startedAt, LocalDate residentInformedOn, String residentInformedHow,
                LocalDate clinicInformedOn, String clinicContact, String approvedBy, Instant approvedAt,
                Instant reportedAt, String prefectureReceipt, List<CaseTimeline.Event> timeline) {}

  record Export(String fileName, CsvEncoding encoding, byte[] content, int rows, int replaced) {}

  private static final List<String> HEADER = List.of("報告番号", "接種日", "接種日（西暦）", "ワクチン", "接種区分",
      "接種時の年齢", "接種時の月齢", "性別", "間違いの類型", "健康被害", "発生の経緯", "原因", "再発防止策", "被接種者への説明日",
      "医療機関への連絡日", "承認者", "報告日", "受付番号", "状況");

  private final JdbcTemplate jdbc;
  private final WrongVaccinationReports reports;
  private final WrongVaccinationEvents events;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  WrongVaccinationViews(JdbcTemplate jdbc, WrongVaccinationReports reports, WrongVaccinationEvents events,
                        ResidentDirectory residents, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.events = events;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The doses of a 年度 (by dose date) registered with E032 or E034 and those reported without a flag. */
  @Transactional
  List<Flagged> flagged(int fiscalYear) {
    List<Row> rows = jdbc.query("""
        select d.id, d.dose_date, d.vaccine, d.dose_category, d.error_code, d.error_message, d.resident_id,
               r.id report_id, r.status report_status, x.reason, x.dismissed_by
        from dose_record d
        left join wrong_vaccination_report r on r.dose_record_id = d.id
        left join wrong_vaccination_dismissal x on x.dose_record_id = d.id
        where d.dose_date between ? and ? and (d.error_code ~ 'E03[24]' or r.id is not null)
        order by d.dose_date desc, d.id desc limit 1000""", (rs, n) -> new Row(rs.getLong(1),
        rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getLong(7), rs.getObject(8, Long.class), rs.getString(9), rs.getString(10), rs.getString(11)),
        Date.valueOf(LocalDate.of(fiscalYear, 4, 1)), Date.valueOf(LocalDate.of(fiscalYear + 1, 3, 31)));
    Map<Long, ResidentRef> people = residents.byIds(rows.stream().map(Row::residentId).distinct().toList());
    audit.recordEach(AuditOperation.WRONG_VACCINATION_VIEW, people.keySet(), "flagged doses fiscalYear="
        + fiscalYear);
    return rows.stream().map(row -> row.flagged(resident(people.get(row.residentId())))).toList();
  }

  @Transactional
  Detail detail(long id) {
    WrongVaccination report = reports.byId(id);
    WrongVaccinationReports.Dose dose = reports.dose(report.doseRecordId()).orElseThrow();
    audit.record(AuditOperation.WRONG_VACCINATION_VIEW, report.residentId(), "report " + id);
    return new Detail(report.id(), report.status().name(), report.status().label(), dose.id(), dose.doseDate(),
        dose.vaccine(), dose.category(), resident(residents.byId(report.residentId()).orElse(null)),
        report.kind().name(), report.kind().label(), report.ruleBroken(), report.whatHappened(), report.cause(),
        report.prevention(), report.healthDamage().name(), report.healthDamage().label(), report.startedBy(),
        report.startedAt(), report.residentInformedOn(), report.residentInformedHow() == null ? null
        : WrongVaccination.InformedHow.valueOf(report.residentInformedHow()).label(), report.clinicInformedOn(),
        report.clinicContact(), report.approvedBy(), report.approvedAt(), report.reportedAt(),
        report.prefectureReceipt(), events.of(id));
  }

  /** A supervisor explains a flag as no mistake; a dose with a report cannot be explained away. */
  @Transactional
  void dismiss(long doseRecordId, String reason) {
    if (!currentUser.get().roles().contains(Role.SUPERVISOR)) {
      throw ApiException.forbidden("supervisor_only", "間違いではないと判断できるのは上長です");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw ApiException.invalid("判断の理由を500文字以内で入力してください", Map.of("reason", "理由を入力してください"));
    }
    WrongVaccinationReports.Dose dose = reports.dose(doseRecordId).filter(WrongVaccinationReports.Dose::flagged)
        .orElseThrow(() -> ApiException.notFound("確認が必要な接種記録が見つかりません"));
    if (Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists (select 1 from wrong_vaccination_report where dose_record_id = ?)", Boolean.class, doseRecordId))) {
      throw ApiException.conflict("already_reported", "この接種は間違い報告を作成済みです");
    }
    try {
      jdbc.update("""
          insert into wrong_vaccination_dismissal (dose_record_id, resident_id, reason, dismissed_by, dismissed_at)
          values (?, ?, ?, ?, ?)""", doseRecordId, dose.residentId(), reason.strip(), currentUser.get().username(),
          Timestamp.from(Instant.now(clock)));
    } catch (DuplicateKeyException twice) {
      throw ApiException.conflict("already_dismissed", "この接種は既に「間違いではない」と判断されています");
    }
    audit.record(AuditOperation.WRONG_VACCINATION_DISMISSED, dose.residentId(), "dose " + doseRecordId);
  }

  /** The 年度's reports for the annual report: no name, address or number of anyone, in any encoding. */
  @Transactional
  Export annual(int fiscalYear, CsvEncoding encoding) {
    currentUser.require(Permission.EXPORT, "wrong-vaccinations.export");
    List<List<String>> lines = jdbc.query("""
        select r.id, d.dose_date, d.vaccine, d.dose_category, d.birth_date, d.sex, r.kind, r.health_damage,
               r.what_happened, r.cause, r.prevention, r.resident_informed_on, r.clinic_informed_on, r.approved_by,
               r.reported_at, r.prefecture_receipt, r.status
        from wrong_vaccination_report r join dose_record d on d.id = r.dose_record_id
        where d.dose_date between ? and ? order by d.dose_date, r.id""", (rs, n) -> {
      LocalDate doseDate = rs.getDate(2).toLocalDate();
      LocalDate birth = rs.getDate(5).toLocalDate();
      Timestamp reportedAt = rs.getTimestamp(15);
      List<String> cells = new ArrayList<>(HEADER.size());
      cells.add(String.valueOf(rs.getLong(1)));
      cells.add(JapaneseDates.format(doseDate));
      cells.add(doseDate.toString());
      cells.add(rs.getString(3));
      cells.add(rs.getString(4));
      cells.add(String.valueOf(LegalDates.ageYears(birth, doseDate)));
      cells.add(String.valueOf(LegalDates.ageMonths(birth, doseDate)));
      cells.add("MALE".equals(rs.getString(6)) ? "男" : "女");
      cells.add(WrongVaccination.Kind.valueOf(rs.getString(7)).label());
      cells.add(WrongVaccination.HealthDamage.valueOf(rs.getString(8)).label());
      cells.add(rs.getString(9));
      cells.add(rs.getString(10));
      cells.add(rs.getString(11));
      cells.add(format(rs.getDate(12)));
      cells.add(format(rs.getDate(13)));
      cells.add(rs.getString(14) == null ? "" : rs.getString(14));
      cells.add(reportedAt == null ? "" : JapaneseDates.format(reportedAt.toInstant()));
      cells.add(rs.getString(16) == null ? "" : rs.getString(16));
      cells.add(WrongVaccination.Status.valueOf(rs.getString(17)).label());
      return cells;
    }, Date.valueOf(LocalDate.of(fiscalYear, 4, 1)), Date.valueOf(LocalDate.of(fiscalYear + 1, 3, 31)));
    CsvFile csv = new CsvFile().line(HEADER);
    lines.forEach(csv::line);
    CsvFile.Encoded encoded = csv.encode(encoding);
    audit.record(AuditOperation.WRONG_VACCINATION_EXPORT, null, "export=" + UUID.randomUUID() + " fiscalYear="
        + fiscalYear + " rows=" + lines.size() + " encoding=" + encoding + " replaced=" + encoded.replaced());
    return new Export("予防接種の間違い報告_" + JapaneseDates.formatFiscalYear(fiscalYear) + ".csv", encoding,
        encoded.bytes(), lines.size(), encoded.replaced());
  }

  private static String format(Date date) {
    return date == null ? "" : JapaneseDates.format(date.toLocalDate());
  }

  private static Resident resident(ResidentRef ref) {
    return ref == null ? null : new Resident(ref.id(), ref.addresseeNumber(), ref.nameKanji(), ref.nameKana());
  }

  private record Row(long doseRecordId, LocalDate doseDate, String vaccine, String category, String errorCode,
                     String errorMessage, long residentId, Long reportId, String reportStatus, String dismissalReason,
                     String dismissedBy) {

    Flagged flagged(Resident resident) {
      String state;
      String label;
      if (reportId != null) {
        WrongVaccination.Status status = WrongVaccination.Status.valueOf(reportStatus);
        state = status.name();
        label = status.label();
      } else if (dismissalReason != null) {
        state = "DISMISSED";
        label = "間違いではない（上長の判断）";
      } else {
        state = "OPEN";
        label = "未対応";
      }
      return new Flagged(doseRecordId, doseDate, vaccine, category, errorCode, errorMessage, resident, state, label,
          reportId, dismissalReason, dismissedBy);
    }
  }
}
