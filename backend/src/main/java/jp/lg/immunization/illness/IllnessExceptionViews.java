package jp.lg.immunization.illness;

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

/** The special cases as staff read them: the list with their status, and one case with its timeline. */
@Service
class IllnessExceptionViews {

  private static final int LIST_LIMIT = 200;

  record Summary(long id, String status, String statusLabel, long residentId, String residentName,
                 String addresseeNumber, LocalDate illnessTo, List<IllnessExceptions.VaccineExtension> vaccines,
                 Instant recordedAt, String recordedBy) {}

  record TimelineEntry(Instant at, String kind, String description, String actor) {}

  record Detail(long id, String status, String statusLabel, long residentId, String residentName,
                String addresseeNumber, LocalDate birthDate, String diseaseCategory, String diseaseCategoryLabel,
                String diseaseName, LocalDate illnessFrom, LocalDate illnessTo, String statementKindLabel,
                LocalDate statementReceivedOn, String statementInstitution, String statementDoctor, String note,
                List<IllnessExceptions.VaccineExtension> vaccines, String recordedBy, Instant recordedAt,
                String revisedBy, String decisionReason, String decidedBy, Instant decidedAt,
                String revocationReason, String revocationProposedBy, String revokedBy,
                List<TimelineEntry> timeline) {}

  private final JdbcTemplate jdbc;
  private final IllnessExceptions exceptions;
  private final IllnessEvents events;
  private final ResidentDirectory residents;
  private final UserDirectory users;
  private final AuditTrail audit;

  IllnessExceptionViews(JdbcTemplate jdbc, IllnessExceptions exceptions, IllnessEvents events,
                        ResidentDirectory residents, UserDirectory users, AuditTrail audit) {
    this.jdbc = jdbc;
    this.exceptions = exceptions;
    this.events = events;
    this.residents = residents;
    this.users = users;
    this.audit = audit;
  }

  /** The latest cases, or all of one resident's (for the resident's page); every resident listed is audited. */
  @Transactional
  List<Summary> list(Long residentId) {
    List<IllnessException> found = residentId == null
        ? jdbc.query("select " + IllnessException.COLUMNS + " from illness_exception order by recorded_at desc, id desc"
            + " limit " + LIST_LIMIT, IllnessException::map)
        : jdbc.query("select " + IllnessException.COLUMNS + " from illness_exception where resident_id = ?"
            + " order by recorded_at desc, id desc", IllnessException::map, residentId);
    List<Long> residentIds = found.stream().map(IllnessException::residentId).distinct().toList();
    Map<Long, ResidentDirectory.ResidentRef> named = residents.byIds(residentIds);
    audit.recordEach(AuditOperation.ILLNESS_EXCEPTION_VIEW, residentIds, "long-term illness list");
    return found.stream().map(exception -> {
      ResidentDirectory.ResidentRef resident = named.get(exception.residentId());
      return new Summary(exception.id(), exception.status().name(), exception.status().label(), exception.residentId(),
          resident.nameKanji(), resident.addresseeNumber(), exception.illnessTo(), exceptions.vaccines(exception.id()),
          exception.recordedAt(), users.displayName(exception.recordedBy()));
    }).toList();
  }

  @Transactional
  Detail detail(long id) {
    IllnessException exception = exceptions.byId(id);
    ResidentDirectory.ResidentRef resident = exceptions.resident(exception);
    audit.record(AuditOperation.ILLNESS_EXCEPTION_VIEW, exception.residentId(), "case=" + id);
    return new Detail(exception.id(), exception.status().name(), exception.status().label(), resident.id(),
        resident.nameKanji(), resident.addresseeNumber(), resident.birthDate(), exception.diseaseCategory().name(),
        exception.diseaseCategory().label(), exception.diseaseName(), exception.illnessFrom(), exception.illnessTo(),
        exception.statementKind().label(), exception.statementReceivedOn(), exception.statementInstitution(),
        exception.statementDoctor(), exception.note(), exceptions.vaccines(id), name(exception.recordedBy()),
        exception.recordedAt(), name(exception.revisedBy()), exception.decisionReason(), name(exception.decidedBy()),
        exception.decidedAt(), exception.revocationReason(), name(exception.revocationProposedBy()),
        name(exception.revokedBy()), events.of(id).stream()
            .map(e -> new TimelineEntry(e.occurredAt(), e.kind(), e.description(), name(e.actor()))).toList());
  }

  private String name(String username) {
    return username == null ? null : users.displayName(username);
  }
}
