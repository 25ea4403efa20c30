package jp.lg.immunization.vrs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.vaccination.CovidDoses;
import jp.lg.immunization.vaccination.DoseRecordsChanged;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps VRS in step with the residents' COVID-19 dose records. When doses change, in the same transaction, each
 * changed COVID-19 dose becomes a line of a submission (registration, correction with its new 接種回, date, maker or
 * lot, or deletion), the resident gets a ticket if they have none, and a process sends the submission through the
 * outbox: a change that rolls back sends nothing, and a VRS outage holds up no dose registration.
 */
@Service
class VrsRegistrations {

  static final String PROCESS_KEY = "VrsDoseRegistration";

  /** A dose as this module last put it to VRS. */
  private record Registered(long doseRecordId, int doseNumber, LocalDate doseDate, String maker, String lot,
                            boolean deleted) {}

  /** The resident's ticket: 接種券番号 and the issuing municipality's code. */
  record Ticket(String ticketNumber, String municipalityCode) {}

  private final JdbcTemplate jdbc;
  private final CovidDoses covidDoses;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final Clock clock;
  private final String cityCode;

  VrsRegistrations(JdbcTemplate jdbc, CovidDoses covidDoses, RuntimeService runtime, AuditTrail audit, Clock clock,
                   @Value("${immunization.vrs.municipality-code:112020}") String cityCode) {
    if (!MunicipalityCodes.valid(cityCode)) {
      throw new IllegalStateException("immunization.vrs.municipality-code is not a municipality code: " + cityCode);
    }
    this.jdbc = jdbc;
    this.covidDoses = covidDoses;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
    this.cityCode = cityCode;
  }

  String cityCode() {
    return cityCode;
  }

  @EventListener
  void dosesChanged(DoseRecordsChanged change) {
    List<Long> residentIds = change.residentIds().stream().sorted().toList();
    Map<Long, List<CovidDoses.CovidDose>> current = covidDoses.ofResidents(residentIds);
    Map<Long, Map<Long, Registered>> registered = registered(residentIds);
    Long submission = null;
    List<Long> changedResidents = new ArrayList<>();
    for (long residentId : residentIds) {
      List<CovidDoses.CovidDose> doses = current.getOrDefault(residentId, List.of());
      Map<Long, Registered> before = registered.getOrDefault(residentId, Map.of());
      if (doses.isEmpty() && before.isEmpty()) {
        continue;
      }
      List<Long> lines = new ArrayList<>();
      Ticket ticket = doses.isEmpty() ? null : ticketOf(residentId);
      for (int i = 0; i < doses.size(); i++) {
        CovidDoses.CovidDose dose = doses.get(i);
        Registered now = new Registered(dose.doseRecordId(), i + 1, dose.doseDate(), dose.vaccineMaker(),
            dose.lotNumber(), false);
        Registered was = before.get(dose.doseRecordId());
        if (was == null) {
          jdbc.update("""
              insert into vrs_dose (dose_record_id, resident_id, ticket_number, municipality_code, dose_number, dose_date,
                                    vaccine_maker, lot_number)
              values (?, ?, ?, ?, ?, ?, ?, ?)""", dose.doseRecordId(), residentId, ticket.ticketNumber(),
              ticket.municipalityCode(), i + 1, dose.doseDate(), dose.vaccineMaker(), dose.lotNumber());
          lines.add(dose.doseRecordId());
        } else if (!was.equals(now)) {
          jdbc.update("""
              update vrs_dose set dose_number = ?, dose_date = ?, vaccine_maker = ?, lot_number = ?, deleted = false,
                                  revision = revision + 1
              where dose_record_id = ?""", i + 1, dose.doseDate(), dose.vaccineMaker(), dose.lotNumber(),
              dose.doseRecordId());
          lines.add(dose.doseRecordId());
        }
      }
      Set<Long> kept = Set.copyOf(doses.stream().map(CovidDoses.CovidDose::doseRecordId).toList());
      before.values().stream().filter(was -> !was.deleted() && !kept.contains(was.doseRecordId())).forEach(gone -> {
        jdbc.update("update vrs_dose set deleted = true, revision = revision + 1 where dose_record_id = ?",
            gone.doseRecordId());
        lines.add(gone.doseRecordId());
      });
      if (!lines.isEmpty()) {
        if (submission == null) {
          submission = jdbc.queryForObject("""
              insert into vrs_submission (reason, changed_by, created_at) values (?, ?, ?) returning id""", Long.class,
              truncate(change.reason()), Objects.requireNonNullElse(change.changedBy(), "system"), Timestamp.from(Instant.now(clock)));
        }
        jdbc.update("update vrs_dose set pending_submission = ? where dose_record_id = any(?)", submission,
            lines.toArray(Long[]::new));
        changedResidents.add(residentId);
      }
    }
    if (submission != null) {
      audit.recordEach(AuditOperation.VRS_DOSE_REGISTRATION, changedResidents, "submission=" + submission + " prepared");
      runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(submission));
    }
  }

  /** The lines still to send with this submission; a dose deleted before it ever reached VRS needs none. */
  @Transactional(readOnly = true)
  List<VrsPort.DoseLine> pendingLines(long submission) {
    return jdbc.query("""
        select ticket_number, municipality_code, dose_number, dose_date, vaccine_maker, lot_number, deleted,
               sent_revision
        from vrs_dose where pending_submission = ? and not (deleted and sent_revision is null)
        order by resident_id, dose_number, dose_record_id""", (rs, n) -> new VrsPort.DoseLine(
        rs.getBoolean(7) ? VrsPort.DoseLine.Kind.DELETE
            : rs.getObject(8) == null ? VrsPort.DoseLine.Kind.REGISTER : VrsPort.DoseLine.Kind.CORRECT,
        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getString(5),
        rs.getString(6)), submission);
  }

  /** After VRS accepted the submission: its lines are registered as they stand. */
  void sent(long submission) {
    List<Long> residents = jdbc.queryForList(
        "select distinct resident_id from vrs_dose where pending_submission = ?", Long.class, submission);
    jdbc.update("""
        update vrs_dose set sent_revision = revision, pending_submission = null where pending_submission = ?""",
        submission);
    jdbc.update("update vrs_submission set sent_at = coalesce(sent_at, ?) where id = ?",
        Timestamp.from(Instant.now(clock)), submission);
    audit.recordEach(AuditOperation.VRS_DOSE_REGISTRATION, residents, "submission=" + submission + " sent");
  }

  /** The resident's ticket, issued by this city now if they have none (接種券発行登録). */
  Ticket ticketOf(long residentId) {
    jdbc.update("""
        insert into vrs_ticket (resident_id, ticket_number, municipality_code, issued_at)
        values (?, lpad(nextval('vrs_ticket_serial')::text, 10, '0'), ?, ?)
        on conflict (resident_id) do nothing""", residentId, cityCode, Timestamp.from(Instant.now(clock)));
    return jdbc.queryForObject("select ticket_number, municipality_code from vrs_ticket where resident_id = ?",
        (rs, n) -> new Ticket(rs.getString(1), rs.getString(2)), residentId);
  }

  /** What VRS holds of a resident from this city: the ticket and the doses with whether each has been sent. */
  record ResidentRegistration(Ticket ticket, List<Dose> doses) {}

  record Dose(int doseNumber, LocalDate doseDate, String vaccineMaker, String lotNumber, boolean deleted, int revision,
              boolean sent) {}

  @Transactional(readOnly = true)
  ResidentRegistration of(long residentId) {
    Ticket ticket = jdbc.query("select ticket_number, municipality_code from vrs_ticket where resident_id = ?",
        (rs, n) -> new Ticket(rs.getString(1), rs.getString(2)), residentId).stream().findFirst().orElse(null);
    List<Dose> doses = jdbc.query("""
        select dose_number, dose_date, vaccine_maker, lot_number, deleted, revision, sent_revision
        from vrs_dose where resident_id = ? order by deleted, dose_number, dose_record_id""", (rs, n) -> new Dose(
        rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getBoolean(5),
        rs.getInt(6), Objects.equals(rs.getObject(7), rs.getInt(6))), residentId);
    return new ResidentRegistration(ticket, doses);
  }

  private Map<Long, Map<Long, Registered>> registered(List<Long> residentIds) {
    Map<Long, Map<Long, Registered>> found = new HashMap<>();
    jdbc.query("""
        select resident_id, dose_record_id, dose_number, dose_date, vaccine_maker, lot_number, deleted from vrs_dose
        where resident_id = any(?)""", rs -> {
          found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getLong(2), new Registered(rs.getLong(2),
              rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
        }, (Object) residentIds.toArray(Long[]::new));
    return found;
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }
}
