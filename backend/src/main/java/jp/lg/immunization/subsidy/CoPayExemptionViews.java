package jp.lg.immunization.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of applications, with Japanese labels: the list (ids, codes and dates only, no personal data) and
 * one application with its applicant, every recorded match, the decision and the notice (an audited view).
 */
@Service
class CoPayExemptionViews {

  record Summary(long id, String channel, String vaccine, String fiscalYear, String status, boolean ended,
                 String decision, Instant receivedAt, Instant endedAt) {}

  /** The resident the application concerns, once known. */
  record Resident(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate) {}

  /** What the applicant typed into ぴったりサービス. */
  record Applicant(String applicationNumber, String nameKanji, String nameKana, LocalDate birthDate, String phone) {}

  record Match(long id, String source, String result, Instant requestedAt, Instant recordedAt, String localTaxStatus,
               String assistanceStatus, String outcomeCode, String outcome, String reason, String checkedBy,
               String note) {}

  record Decision(String decisionCode, String decision, String reason, int coPayYen, String decidedBy,
                  Instant decidedAt, String approvedBy, Instant approvedAt) {}

  record Notice(String number, String decision, int coPayYen, String reason, Instant issuedAt) {}

  record Detail(long id, int version, String channel, String vaccine, String fiscalYear, String statusCode,
                String status, boolean ended, Instant receivedAt, String receivedBy, String note, Resident resident,
                Applicant applicant, List<Match> matches, Decision decision, Notice notice, String closingReason,
                String closedBy, Instant endedAt) {}

  private static final String SYSTEM_LABEL = "システム（自動判定）";

  private final CoPayExemptionRepository exemptions;
  private final ExemptionApplications applications;
  private final StatusMatchRepository matches;
  private final ExemptionNoticeRepository notices;
  private final ResidentDirectory residents;
  private final UserDirectory users;
  private final AuditTrail audit;

  CoPayExemptionViews(CoPayExemptionRepository exemptions, ExemptionApplications applications,
                      StatusMatchRepository matches, ExemptionNoticeRepository notices, ResidentDirectory residents,
                      UserDirectory users, AuditTrail audit) {
    this.exemptions = exemptions;
    this.applications = applications;
    this.matches = matches;
    this.notices = notices;
    this.residents = residents;
    this.users = users;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<Summary> recent() {
    return exemptions.findTop100ByOrderByReceivedAtDescIdDesc().stream().map(CoPayExemptionViews::summary).toList();
  }

  /** One resident's applications, newest first, for their case page (whose view is audited there). */
  @Transactional(readOnly = true)
  List<Summary> ofResident(long residentId) {
    return exemptions.findByResidentIdOrderByReceivedAtDescIdDesc(residentId).stream()
        .map(CoPayExemptionViews::summary).toList();
  }

  private static Summary summary(CoPayExemption exemption) {
    return new Summary(exemption.id(), exemption.channel().label(), exemption.vaccine().label(),
        exemption.fiscalYearLabel(), exemption.status().label(), exemption.status().ended(),
        exemption.decision() == null ? null : exemption.decision().label(), exemption.receivedAt(),
        exemption.endedAt());
  }

  /** One application with the applicant's personal data: every call is an audited access (R04). */
  @Transactional
  Detail detail(long id) {
    CoPayExemption exemption = applications.byId(id);
    audit.record(AuditOperation.CASE_VIEW, exemption.residentId(),
        "process=" + ExemptionApplications.PROCESS_KEY + " case=" + exemption.id());
    Resident resident = exemption.residentId() == null ? null : residents.byId(exemption.residentId())
        .map(ref -> new Resident(ref.id(), ref.addresseeNumber(), ref.nameKanji(), ref.nameKana(), ref.birthDate()))
        .orElse(null);
    CoPayExemption.Applicant typed = exemption.applicant();
    Applicant applicant = typed == null ? null : new Applicant(exemption.applicationNumber(), typed.nameKanji(),
        typed.nameKana(), typed.birthDate(), typed.phone());
    Decision decision = exemption.decision() == null ? null : new Decision(exemption.decision().name(),
        exemption.decision().label(), exemption.decisionReason(), exemption.coPayYen(), who(exemption.decidedBy()),
        exemption.decidedAt(), users.displayName(exemption.approvedBy()), exemption.approvedAt());
    Notice notice = notices.findByExemptionId(exemption.id())
        .map(issued -> new Notice(issued.number(), issued.decision().label(), issued.coPayYen(), issued.reason(),
            issued.issuedAt()))
        .orElse(null);
    return new Detail(exemption.id(), exemption.version(), exemption.channel().label(), exemption.vaccine().label(),
        exemption.fiscalYearLabel(), exemption.status().name(), exemption.status().label(), exemption.status().ended(),
        exemption.receivedAt(), users.displayName(exemption.receivedBy()), exemption.note(), resident, applicant,
        matches.findByExemptionIdOrderByIdAsc(exemption.id()).stream().map(this::match).toList(), decision, notice,
        exemption.closingReason(), users.displayName(exemption.closedBy()), exemption.endedAt());
  }

  private Match match(StatusMatch match) {
    return new Match(match.id(), match.source().label(), match.result() == null ? "照合中" : match.result().label(),
        match.requestedAt(), match.recordedAt(),
        match.localTaxStatus() == null ? null : match.localTaxStatus().label(),
        match.assistanceStatus() == null ? null : match.assistanceStatus().label(),
        match.outcome() == null ? null : match.outcome().name(),
        match.outcome() == null ? null : match.outcome().label(), match.outcomeReason(), who(match.checkedBy()),
        match.note());
  }

  private String who(String username) {
    return CoPayExemption.SYSTEM.equals(username) ? SYSTEM_LABEL : users.displayName(username);
  }
}
