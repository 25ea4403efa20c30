package jp.lg.immunization.relief;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.UserDirectory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The relief claims as staff read them: the list, and the case page with its timeline and what is waiting (R33). */
@Service
class ReliefViews {

  record Summary(long id, String status, String statusLabel, String residentName, String addresseeNumber,
                 String claimantRelation, String vaccinationClass, String vaccine, LocalDate receivedOn, boolean late) {}

  record Code(String code, String label) {}

  record Document(long id, String type, String typeLabel, String fileName, String contentType, Long sizeBytes,
                  LocalDate receivedOn, String recordedBy, Instant recordedAt) {}

  record TimelineEntry(Instant at, String kind, String description, String actor) {}

  record Waiting(String what, Instant since, Instant due, String assignee) {}

  record Decision(String ministryOutcome, LocalDate ministryDecidedOn, String decision, String reason,
                  Integer oneOffAmountYen, Integer periodicAmountYen, LocalDate entitlementEndsOn, String decidedBy,
                  Instant decidedAt, String approvedBy, Instant approvedAt, String noticeText, Instant notifiedAt) {}

  record Detail(long id, String status, String statusLabel, int version, long residentId, String addresseeNumber,
                String residentName, String residentNameKana, LocalDate residentBirthDate, String claimantRelation,
                String claimantName, String vaccinationClass, String vaccine, LocalDate vaccinatedOn, Long doseRecordId,
                LocalDate receivedOn, String receivedBy, LocalDate medicalPaidOn, LocalDate deathOn, boolean late,
                String lateDecidedBy, String lateReason, String note, List<Code> benefits, List<Document> documents,
                List<Code> missingDocuments, LocalDate committeeMeetingOn, String committeeOpinion,
                String committeeSummary, LocalDate forwardedOn, String ministryRequestId, Decision decision,
                LocalDate appealFiledOn, String appealOutcome, List<ReliefPayments.Payment> payments,
                List<TimelineEntry> timeline, List<Waiting> waiting) {}

  private final JdbcTemplate jdbc;
  private final ReliefClaims claims;
  private final ReliefEvents events;
  private final ReliefPayments payments;
  private final ResidentDirectory residents;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  ReliefViews(JdbcTemplate jdbc, ReliefClaims claims, ReliefEvents events, ReliefPayments payments,
              ResidentDirectory residents, UserDirectory users, AuditTrail audit, RuntimeService runtime,
              TaskService tasks, ManagementService management) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.events = events;
    this.payments = payments;
    this.residents = residents;
    this.users = users;
    this.audit = audit;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  @Transactional
  List<Summary> recent() {
    List<ReliefClaim> recent = jdbc.query("select " + ReliefClaim.COLUMNS
        + " from relief_claim order by received_on desc, id desc limit 200", ReliefClaim::map);
    Map<Long, ResidentDirectory.ResidentRef> named = residents.byIds(recent.stream().map(ReliefClaim::residentId)
        .toList());
    List<Summary> summaries = recent.stream().map(claim -> summary(claim, named.get(claim.residentId()))).toList();
    audit.recordEach(AuditOperation.RELIEF_CLAIM_VIEW, recent.stream().map(ReliefClaim::residentId).distinct().toList(),
        "relief claim list");
    return summaries;
  }

  /** One resident's claims, newest first, for their case page (whose view is audited there). */
  @Transactional(readOnly = true)
  List<Summary> ofResident(ResidentDirectory.ResidentRef resident) {
    return jdbc.query("select " + ReliefClaim.COLUMNS
        + " from relief_claim where resident_id = ? order by received_on desc, id desc", ReliefClaim::map, resident.id())
        .stream().map(claim -> summary(claim, resident)).toList();
  }

  private static Summary summary(ReliefClaim claim, ResidentDirectory.ResidentRef resident) {
    return new Summary(claim.id(), claim.status().name(), claim.status().label(), resident.nameKanji(),
        resident.addresseeNumber(), ReliefClaim.relationLabel(claim.claimantRelation()), claim.vaccinationClass(),
        claim.vaccine(), claim.receivedOn(), claim.late());
  }

  @Transactional
  Detail detail(long id) {
    ReliefClaim claim = claims.byId(id);
    ResidentDirectory.ResidentRef resident = residents.byId(claim.residentId()).orElseThrow();
    audit.record(AuditOperation.RELIEF_CLAIM_VIEW, claim.residentId(), "claim=" + id);
    List<Document> documents = jdbc.query("""
        select id, document_type, file_name, content_type, size_bytes, received_on, recorded_by, recorded_at
        from relief_document where claim_id = ? order by id""", (rs, n) -> new Document(rs.getLong(1), rs.getString(2),
        DocumentType.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getString(4),
        rs.getObject(5, Long.class), rs.getDate(6).toLocalDate(), users.displayName(rs.getString(7)),
        rs.getTimestamp(8).toInstant()), id);
    Decision decision = new Decision(ReliefClaim.ministryLabel(claim.ministryOutcome()), claim.ministryDecidedOn(),
        ReliefClaim.decisionLabel(claim.municipalDecision()), claim.decisionReason(), claim.oneOffAmountYen(),
        claim.periodicAmountYen(), claim.entitlementEndsOn(), name(claim.decidedBy()), claim.decidedAt(),
        name(claim.approvedBy()), claim.approvedAt(), claim.noticeText(), claim.notifiedAt());
    return new Detail(claim.id(), claim.status().name(), claim.status().label(), claim.version(), resident.id(),
        resident.addresseeNumber(), resident.nameKanji(), resident.nameKana(), resident.birthDate(),
        ReliefClaim.relationLabel(claim.claimantRelation()), claim.claimantName(), claim.vaccinationClass(),
        claim.vaccine(), claim.vaccinatedOn(), claim.doseRecordId(), claim.receivedOn(), name(claim.receivedBy()),
        claim.medicalPaidOn(), claim.deathOn(), claim.late(), name(claim.lateAcceptedBy()), claim.lateReason(),
        claim.note(), claims.benefitsOf(id).stream().map(b -> new Code(b.name(), b.label())).toList(), documents,
        claims.documentsMissing(claim).stream().map(d -> new Code(d.name(), d.label())).toList(),
        claim.committeeMeetingOn(), ReliefClaim.opinionLabel(claim.committeeOpinion()), claim.committeeSummary(),
        claim.forwardedOn(), claim.ministryRequestId(), decision, claim.appealFiledOn(),
        claim.appealOutcome() == null ? null : "UPHELD".equals(claim.appealOutcome()) ? "認容" : "棄却",
        payments.ofClaim(id),
        events.of(id).stream().map(e -> new TimelineEntry(e.occurredAt(), e.kind(), e.description(), name(e.actor())))
            .toList(),
        waiting(id));
  }

  /** Open steps and timers of the claim's process: what the case is waiting for, and until when. */
  List<Waiting> waiting(long claimId) {
    List<Waiting> waiting = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(claimId)).processDefinitionKey(ReliefClaims.PROCESS_KEY).list()) {
      tasks.createTaskQuery().processInstanceId(instance.getId()).list().forEach(task ->
          waiting.add(new Waiting("タスク: " + task.getName(), task.getCreateTime().toInstant(),
              task.getDueDate() == null ? null : task.getDueDate().toInstant(), name(task.getAssignee()))));
      management.createJobQuery().processInstanceId(instance.getId()).timers().list().forEach(job ->
          waiting.add(new Waiting(timerLabel(job), null,
              job.getDuedate() == null ? null : job.getDuedate().toInstant(), null)));
      runtime.getActiveActivityIds(instance.getId()).stream()
          .filter(activity -> activity.equals("AwaitMinistryDecision") || activity.equals("AwaitAppeal"))
          .forEach(activity -> waiting.add(new Waiting(activity.equals("AwaitMinistryDecision")
              ? "厚生労働省の認定・否認の通知" : "審査請求（または審査請求期間の経過）", null, null, null)));
    }
    waiting.sort(Comparator.comparing(Waiting::what));
    return waiting;
  }

  private String timerLabel(org.camunda.bpm.engine.runtime.Job job) {
    var definition = job.getJobDefinitionId() == null ? null
        : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    String activity = definition == null ? null : definition.getActivityId();
    Map<String, String> labels = Map.of("ReminderDue", "次の進捗確認", "NextPaymentPeriod", "次の支払期",
        "AppealPeriodEnded", "審査請求期間の終了");
    return "予定: " + labels.getOrDefault(activity, "期日");
  }

  private String name(String username) {
    if (username == null) {
      return null;
    }
    return ReliefEvents.SYSTEM.equals(username) ? "システム" : users.displayName(username);
  }
}
