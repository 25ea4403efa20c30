package jp.lg.immunization.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The requests as staff read them: the list with their deadlines, and one request with its timeline (R28). */
@Service
class ResidentRequestViews {

  /** {@code overdue}: undecided past the due date (or marked so by the process); {@code extended}: the one extension was used. */
  record Summary(long id, String kind, String kindLabel, String status, String statusLabel, String residentName,
                 String addresseeNumber, String requesterTypeLabel, LocalDate receivedOn, LocalDate dueOn, boolean extended,
                 boolean overdue, boolean open) {}

  record Extension(String reason, LocalDate noticeSentOn, LocalDate previousDueOn, LocalDate newDueOn,
                   String recordedBy, Instant recordedAt) {}

  record Correction(String item, String beforeText, String afterText, String correctedBy, Instant correctedAt) {}

  record TimelineEntry(Instant at, String kind, String description, String actor) {}

  record Detail(long id, String kind, String kindLabel, String status, String statusLabel, int version,
                long residentId, String addresseeNumber, String residentName, String residentNameKana,
                String requesterType, String requesterTypeLabel, String requesterName, String requesterRelation,
                String requestText, LocalDate receivedOn, String receivedBy, LocalDate dueOn, boolean overdue,
                boolean open, String identityDocument, String identityResult, String identityNote,
                String identityCheckedBy, Instant identityCheckedAt, String decision, String decisionLabel,
                String decisionReason, String decidedBy, Instant decidedAt, String approvedBy, Instant approvedAt,
                boolean packageCollected, String noticeText, Instant noticePreparedAt, LocalDate noticeSentOn,
                Extension extension, List<Correction> corrections, List<TimelineEntry> timeline) {}

  private final JdbcTemplate jdbc;
  private final ResidentRequests requests;
  private final ResidentRequestEvents events;
  private final RequestCorrections corrections;
  private final DisclosurePackages packages;
  private final ResidentDirectory residents;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final Clock clock;

  ResidentRequestViews(JdbcTemplate jdbc, ResidentRequests requests, ResidentRequestEvents events,
                       RequestCorrections corrections, DisclosurePackages packages, ResidentDirectory residents,
                       UserDirectory users, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.events = events;
    this.corrections = corrections;
    this.packages = packages;
    this.residents = residents;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  List<Summary> recent() {
    List<ResidentRequest> recent = jdbc.query("select " + ResidentRequest.COLUMNS
        + " from resident_request order by received_on desc, id desc limit 200", ResidentRequest::map);
    List<Long> extended = jdbc.queryForList("""
        select request_id from resident_request_extension where request_id in (
          select id from resident_request order by received_on desc, id desc limit 200)""", Long.class);
    Map<Long, ResidentDirectory.ResidentRef> named = residents.byIds(recent.stream()
        .map(ResidentRequest::residentId).toList());
    List<Summary> summaries = recent.stream().map(request -> {
      ResidentDirectory.ResidentRef resident = named.get(request.residentId());
      return new Summary(request.id(), request.kind().name(), request.kind().label(), request.status().name(),
          request.status().label(), resident.nameKanji(), resident.addresseeNumber(),
          ResidentRequest.requesterTypeLabel(request.requesterType()), request.receivedOn(), request.dueOn(),
          extended.contains(request.id()), overdue(request), request.status().undecided());
    }).toList();
    audit.recordEach(AuditOperation.RESIDENT_REQUEST_VIEW,
        recent.stream().map(ResidentRequest::residentId).distinct().toList(), "resident request list");
    return summaries;
  }

  @Transactional
  Detail detail(long id) {
    ResidentRequest request = requests.byId(id);
    ResidentDirectory.ResidentRef resident = residents.byId(request.residentId()).orElseThrow();
    audit.record(AuditOperation.RESIDENT_REQUEST_VIEW, request.residentId(), "request=" + id);
    Extension extension = jdbc.query("""
        select reason, notice_sent_on, previous_due_on, new_due_on, recorded_by, recorded_at
        from resident_request_extension where request_id = ?""", (rs, n) -> new Extension(rs.getString(1),
        rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
        users.displayName(rs.getString(5)), rs.getTimestamp(6).toInstant()), id).stream().findFirst().orElse(null);
    ResidentRequest.Decision decision = request.decision();
    return new Detail(request.id(), request.kind().name(), request.kind().label(), request.status().name(),
        request.status().label(), request.version(), resident.id(), resident.addresseeNumber(), resident.nameKanji(),
        resident.nameKana(), request.requesterType(), ResidentRequest.requesterTypeLabel(request.requesterType()),
        request.requesterName(), request.requesterRelation(), request.requestText(), request.receivedOn(),
        name(request.receivedBy()), request.dueOn(), overdue(request), request.status().undecided(),
        ResidentRequest.identityDocumentLabel(request.identityDocument()), request.identityResult(),
        request.identityNote(), name(request.identityCheckedBy()), request.identityCheckedAt(),
        decision == null ? null : decision.name(), decision == null ? null : decision.label(),
        request.decisionReason(), name(request.decidedBy()), request.decidedAt(), name(request.approvedBy()),
        request.approvedAt(), packages.exists(id), request.noticeText(), request.noticePreparedAt(),
        request.noticeSentOn(), extension,
        corrections.of(id).stream().map(c -> new Correction(c.item(), c.beforeText(), c.afterText(),
            name(c.correctedBy()), c.correctedAt())).toList(),
        events.of(id).stream().map(e -> new TimelineEntry(e.occurredAt(), e.kind(), e.description(), name(e.actor())))
            .toList());
  }

  private boolean overdue(ResidentRequest request) {
    return request.status().undecided() && (request.overdue() || LocalDate.now(clock).isAfter(request.dueOn()));
  }

  private String name(String username) {
    if (username == null) {
      return null;
    }
    return ResidentRequestEvents.SYSTEM.equals(username) ? "システム" : users.displayName(username);
  }
}
