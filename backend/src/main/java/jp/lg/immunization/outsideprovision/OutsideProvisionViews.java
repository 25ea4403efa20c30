package jp.lg.immunization.outsideprovision;

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

/** The provisions as staff and auditors read them: the list with what, to whom, when and by whom; one with its timeline. */
@Service
class OutsideProvisionViews {

  private static final int LIST_LIMIT = 200;

  record Summary(long id, String status, String statusLabel, long residentId, String residentName,
                 String addresseeNumber, String recipientName, String methodLabel, Instant recordedAt,
                 String recordedBy, String confirmedBy, LocalDate sentOn, String sentBy) {}

  record TimelineEntry(Instant at, String kind, String description, String actor) {}

  record Detail(long id, String status, String statusLabel, long residentId, String residentName,
                String addresseeNumber, String recipientKindLabel, String recipientName, String recipientContact,
                String methodLabel, String content, String purpose, String legalBasis, String recordedBy,
                Instant recordedAt, String revisedBy, String decisionReason, String confirmedBy, Instant confirmedAt,
                LocalDate sentOn, String sentBy, Instant sentAt, String sendNote, List<TimelineEntry> timeline) {}

  private final JdbcTemplate jdbc;
  private final OutsideProvisions provisions;
  private final OutsideProvisionEvents events;
  private final ResidentDirectory residents;
  private final UserDirectory users;
  private final AuditTrail audit;

  OutsideProvisionViews(JdbcTemplate jdbc, OutsideProvisions provisions, OutsideProvisionEvents events,
                        ResidentDirectory residents, UserDirectory users, AuditTrail audit) {
    this.jdbc = jdbc;
    this.provisions = provisions;
    this.events = events;
    this.residents = residents;
    this.users = users;
    this.audit = audit;
  }

  /** The latest provisions, or one resident's; every resident listed is audited. */
  @Transactional
  List<Summary> list(Long residentId) {
    List<OutsideProvision> found = residentId == null
        ? jdbc.query("select " + OutsideProvision.COLUMNS + " from outside_provision"
            + " order by recorded_at desc, id desc limit " + LIST_LIMIT, OutsideProvision::map)
        : jdbc.query("select " + OutsideProvision.COLUMNS + " from outside_provision where resident_id = ?"
            + " order by recorded_at desc, id desc", OutsideProvision::map, residentId);
    List<Long> residentIds = found.stream().map(OutsideProvision::residentId).distinct().toList();
    Map<Long, ResidentDirectory.ResidentRef> named = residents.byIds(residentIds);
    audit.recordEach(AuditOperation.OUTSIDE_PROVISION_VIEW, residentIds, "outside provision list");
    return found.stream().map(provision -> {
      ResidentDirectory.ResidentRef resident = named.get(provision.residentId());
      return new Summary(provision.id(), provision.status().name(), provision.status().label(),
          provision.residentId(), resident.nameKanji(), resident.addresseeNumber(), provision.recipientName(),
          provision.method().label(), provision.recordedAt(), name(provision.recordedBy()),
          name(provision.confirmedBy()), provision.sentOn(), name(provision.sentBy()));
    }).toList();
  }

  @Transactional
  Detail detail(long id) {
    OutsideProvision provision = provisions.byId(id);
    ResidentDirectory.ResidentRef resident = provisions.resident(provision);
    audit.record(AuditOperation.OUTSIDE_PROVISION_VIEW, provision.residentId(), "provision=" + id);
    return new Detail(provision.id(), provision.status().name(), provision.status().label(), resident.id(),
        resident.nameKanji(), resident.addresseeNumber(), provision.recipientKind().label(), provision.recipientName(),
        provision.recipientContact(), provision.method().label(), provision.content(), provision.purpose(),
        provision.legalBasis(), name(provision.recordedBy()), provision.recordedAt(), name(provision.revisedBy()),
        provision.decisionReason(), name(provision.confirmedBy()), provision.confirmedAt(), provision.sentOn(),
        name(provision.sentBy()), provision.sentAt(), provision.sendNote(), events.of(id).stream()
            .map(e -> new TimelineEntry(e.occurredAt(), e.kind(), e.description(), name(e.actor()))).toList());
  }

  private String name(String username) {
    return username == null ? null : users.displayName(username);
  }
}
