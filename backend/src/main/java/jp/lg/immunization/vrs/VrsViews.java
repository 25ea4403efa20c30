package jp.lg.immunization.vrs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.workflow.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VRS as staff read it: the mover queries with their status (recent ones, or one resident's), one query with the
 * consent and identity check, the answer and the timeline, and what VRS holds of a resident from this city. Every
 * resident shown is audited; the 個人番号 is never part of it.
 */
@Service
class VrsViews {

  private static final int LIST_LIMIT = 200;

  record Summary(long id, String status, String statusLabel, long residentId, String residentName,
                 String addresseeNumber, String formerMunicipalityCode, String outcome, Instant requestedAt,
                 String requestedBy) {}

  record Detail(Summary query, List<MoverQueries.Confirmation> confirmations, String approvedBy,
                String decisionReason, int attempt, String noMatchMessage, List<VrsPort.FormerDose> records,
                String checkedBy, String closedReason, List<CaseTimeline.Event> timeline) {}

  record CertificateSummary(long id, String status, String statusLabel, long residentId, String residentName,
                            String addresseeNumber, String channel, String kind, String certificateNumber,
                            LocalDate issuedOn, Instant receivedAt) {}

  record Registration(long residentId, String ticketNumber, String municipalityCode,
                      List<VrsRegistrations.Dose> doses) {}

  private final JdbcTemplate jdbc;
  private final MoverQueries queries;
  private final MoverQueryEvents events;
  private final VrsRegistrations registrations;
  private final ResidentDirectory residents;
  private final AuditTrail audit;

  VrsViews(JdbcTemplate jdbc, MoverQueries queries, MoverQueryEvents events, VrsRegistrations registrations,
           ResidentDirectory residents, AuditTrail audit) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.events = events;
    this.registrations = registrations;
    this.residents = residents;
    this.audit = audit;
  }

  @Transactional
  List<Summary> list(Long residentId) {
    List<MoverQuery> found = recent(MoverQuery.COLUMNS, "vrs_mover_query", "requested_at", MoverQuery::map, residentId);
    Map<Long, ResidentDirectory.ResidentRef> refs = shown(found.stream().map(MoverQuery::residentId),
        AuditOperation.VRS_MOVER_QUERY_VIEW);
    return found.stream().map(query -> summary(query, refs.get(query.residentId()))).toList();
  }

  @Transactional
  Detail detail(long id) {
    MoverQuery query = queries.byId(id);
    ResidentDirectory.ResidentRef resident = queries.resident(query);
    audit.record(AuditOperation.VRS_MOVER_QUERY_VIEW, query.residentId(), "case=" + id);
    return new Detail(summary(query, resident), queries.confirmations(id), query.approvedBy(), query.decisionReason(),
        query.attempt(), query.outcome() == MoverQuery.Outcome.NOT_FOUND ? MoverQueries.noMatchMessage(query) : null,
        queries.records(id), query.checkedBy(), query.closedReason(), events.of(id));
  }

  @Transactional
  List<CertificateSummary> certificates(Long residentId) {
    List<Certificate> found = recent(Certificate.COLUMNS, "vrs_certificate", "received_at", Certificate::map,
        residentId);
    Map<Long, ResidentDirectory.ResidentRef> refs = shown(found.stream().map(Certificate::residentId),
        AuditOperation.VRS_CERTIFICATE);
    return found.stream().map(certificate -> {
      ResidentDirectory.ResidentRef resident = refs.get(certificate.residentId());
      return new CertificateSummary(certificate.id(), certificate.status().name(), certificate.status().label(),
          certificate.residentId(), resident == null ? null : resident.nameKanji(),
          resident == null ? null : resident.addresseeNumber(), certificate.channel().name(),
          certificate.kind().label(), certificate.certificateNumber(), certificate.issuedOn(),
          certificate.receivedAt());
    }).toList();
  }

  @Transactional
  Registration registration(long residentId) {
    if (residents.byId(residentId).isEmpty()) {
      throw ApiException.notFound("住民が見つかりません");
    }
    VrsRegistrations.ResidentRegistration registration = registrations.of(residentId);
    audit.record(AuditOperation.VRS_DOSE_REGISTRATION, residentId, "view");
    return new Registration(residentId, registration.ticket() == null ? null : registration.ticket().ticketNumber(),
        registration.ticket() == null ? null : registration.ticket().municipalityCode(), registration.doses());
  }

  /** The latest cases, or all of one resident's (for the resident's page), newest first. */
  private <T> List<T> recent(String columns, String table, String receivedColumn, RowMapper<T> mapper,
                             Long residentId) {
    String order = " order by " + receivedColumn + " desc, id desc";
    return residentId == null
        ? jdbc.query("select " + columns + " from " + table + order + " limit " + LIST_LIMIT, mapper)
        : jdbc.query("select " + columns + " from " + table + " where resident_id = ?" + order, mapper, residentId);
  }

  /** The residents a list shows, each audited. */
  private Map<Long, ResidentDirectory.ResidentRef> shown(Stream<Long> residentIds, AuditOperation operation) {
    List<Long> ids = residentIds.distinct().toList();
    audit.recordEach(operation, ids, "list");
    return residents.byIds(ids);
  }

  private static Summary summary(MoverQuery query, ResidentDirectory.ResidentRef resident) {
    return new Summary(query.id(), query.status().name(), query.status().label(), query.residentId(),
        resident == null ? null : resident.nameKanji(), resident == null ? null : resident.addresseeNumber(),
        query.formerMunicipalityCode(), query.outcome() == null ? null : query.outcome().name(), query.requestedAt(),
        query.requestedBy());
  }
}
