package jp.lg.immunization.relief;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.vaccination.DoseRecords;
import jp.lg.immunization.workflow.CaseVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relief claims (予防接種健康被害救済): intake, the checks of deadline and documents, and what each step records on
 * the claim (R33). Every change checks the claim's version, so that two people never overwrite each other.
 */
@Service
class ReliefClaims {

  static final String PROCESS_KEY = "ReliefClaim";

  /** What staff enter at the counter. Dates are ISO dates as the form sends them. */
  record Intake(String addresseeNumber, String claimantRelation, String claimantName, String vaccinationClass,
                String vaccine, LocalDate vaccinatedOn, List<String> benefits, LocalDate medicalPaidOn, LocalDate deathOn,
                boolean benefitsPaidBefore, List<String> documentsReceived, String note) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final DoseRecords doses;
  private final ReliefBenefitRules rules;
  private final ReliefEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ReliefClaims(JdbcTemplate jdbc, ResidentDirectory residents, DoseRecords doses, ReliefBenefitRules rules,
               ReliefEvents events, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.doses = doses;
    this.rules = rules;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  ReliefClaim byId(long id) {
    return jdbc.query("select " + ReliefClaim.COLUMNS + " from relief_claim where id = ?", ReliefClaim::map, id)
        .stream().findFirst().orElseThrow(() -> ApiException.notFound("救済請求が見つかりません"));
  }

  ReliefClaim byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  List<BenefitType> benefitsOf(long claimId) {
    return jdbc.queryForList("select benefit_type from relief_claimed_benefit where claim_id = ?", String.class, claimId)
        .stream().map(BenefitType::valueOf).sorted().toList();
  }

  // ------------------------------------------------------------------------------------------------ intake

  @Transactional
  ReliefClaim register(Intake intake) {
    Map<String, String> problems = new LinkedHashMap<>();
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(intake.addresseeNumber());
    LocalDate today = LocalDate.now(clock);
    if (intake.vaccinatedOn().isAfter(today)) {
      problems.put("vaccinatedOn", "接種日が未来の日付です");
    } else if (intake.vaccinatedOn().isBefore(resident.birthDate())) {
      problems.put("vaccinatedOn", "接種日が被接種者の生年月日より前です");
    }
    Map<BenefitType, String> possible = rules.possible(intake.vaccinationClass());
    Set<BenefitType> benefits = new LinkedHashSet<>();
    for (String code : intake.benefits()) {
      BenefitType benefit = BenefitType.of(code).orElse(null);
      if (benefit == null) {
        problems.put("benefits", "給付の種類の選択肢にない値です");
      } else if (!possible.containsKey(benefit)) {
        problems.put("benefits", ("A".equals(intake.vaccinationClass()) ? "A類" : "B類") + "の予防接種では"
            + benefit.label() + "は請求できません（請求できる給付: "
            + possible.keySet().stream().map(BenefitType::label).collect(Collectors.joining("・")) + "）");
      } else {
        benefits.add(benefit);
      }
    }
    if (benefits.stream().anyMatch(BenefitType::medical) && intake.medicalPaidOn() == null
        && "B".equals(intake.vaccinationClass())) {
      problems.put("medicalPaidOn", "B類の医療費・医療手当の請求では、医療費を支払った日を入力してください（請求期限の起算日）");
    }
    boolean deathBenefit = benefits.stream().anyMatch(b -> b.survivors() || b == BenefitType.DEATH_LUMP_SUM
        || b == BenefitType.FUNERAL_EXPENSES);
    if (deathBenefit && intake.deathOn() == null) {
      problems.put("deathOn", "死亡に関する給付の請求では死亡日を入力してください");
    }
    if (intake.deathOn() != null && intake.deathOn().isBefore(intake.vaccinatedOn())) {
      problems.put("deathOn", "死亡日が接種日より前です");
    }
    if (deathBenefit && !"BEREAVED".equals(intake.claimantRelation())) {
      problems.put("claimantRelation", "死亡に関する給付は遺族が請求します");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("入力内容に誤りがあります", problems);
    }
    Long doseRecordId = doses.recordsOf(resident.id()).stream()
        .filter(dose -> dose.doseDate().equals(intake.vaccinatedOn()))
        .filter(dose -> matchesVaccine(dose, intake.vaccine()))
        .map(DoseRecords.Entry::id).findFirst().orElse(null);
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into relief_claim (status, resident_id, claimant_relation, claimant_name, vaccination_class, vaccine,
            vaccinated_on, dose_record_id, received_on, received_by, medical_paid_on, death_on, benefits_paid_before, note)
          values ('RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setLong(1, resident.id());
      statement.setString(2, intake.claimantRelation());
      statement.setString(3, intake.claimantName().strip());
      statement.setString(4, intake.vaccinationClass());
      statement.setString(5, intake.vaccine().strip());
      statement.setDate(6, Date.valueOf(intake.vaccinatedOn()));
      statement.setObject(7, doseRecordId);
      statement.setDate(8, Date.valueOf(today));
      statement.setString(9, user);
      statement.setDate(10, intake.medicalPaidOn() == null ? null : Date.valueOf(intake.medicalPaidOn()));
      statement.setDate(11, intake.deathOn() == null ? null : Date.valueOf(intake.deathOn()));
      statement.setBoolean(12, intake.benefitsPaidBefore());
      statement.setString(13, intake.note());
      return statement;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    benefits.forEach(benefit -> jdbc.update("insert into relief_claimed_benefit (claim_id, benefit_type) values (?, ?)",
        id, benefit.name()));
    events.record(id, "RECEIVED", "請求を受付（請求者: " + ReliefClaim.relationLabel(intake.claimantRelation())
        + "、" + ("A".equals(intake.vaccinationClass()) ? "A類" : "B類") + " " + intake.vaccine().strip() + " "
        + JapaneseDates.format(intake.vaccinatedOn()) + "接種、請求する給付: "
        + benefits.stream().map(BenefitType::label).collect(Collectors.joining("・"))
        + (doseRecordId == null ? "、この市の接種記録なし" : "、接種記録 #" + doseRecordId + " に結び付け") + "）", user);
    for (String type : new LinkedHashSet<>(intake.documentsReceived())) {
      recordPaperDocument(id, DocumentType.valueOf(type), today, user);
    }
    audit.record(AuditOperation.RELIEF_CLAIM_REGISTERED, resident.id(), "claim=" + id);
    return byId(id);
  }

  private static boolean matchesVaccine(DoseRecords.Entry dose, String vaccine) {
    String typed = vaccine.strip();
    return typed.equals(dose.vaccine()) || typed.equals(dose.vaccineCode())
        || (dose.vaccine() != null && (dose.vaccine().contains(typed) || typed.contains(dose.vaccine())));
  }

  void recordPaperDocument(long claimId, DocumentType type, LocalDate receivedOn, String user) {
    jdbc.update("""
        insert into relief_document (claim_id, document_type, received_on, recorded_by, recorded_at)
        values (?, ?, ?, ?, ?)""", claimId, type.name(), Date.valueOf(receivedOn), user, Timestamp.from(Instant.now(clock)));
    events.record(claimId, "DOCUMENT", "書類を受領（紙）: " + type.label() + "（" + JapaneseDates.format(receivedOn) + "）", user);
  }

  // ------------------------------------------------------------------------------------------------ checks

  /** The B-class claim deadlines (DOMAIN 4) this claim is past, as sentences; empty when it is on time. */
  List<String> deadlinesPassed(ReliefClaim claim) {
    List<String> passed = new ArrayList<>();
    if (!"B".equals(claim.vaccinationClass())) {
      return passed;
    }
    List<BenefitType> benefits = benefitsOf(claim.id());
    if (claim.medicalPaidOn() != null && benefits.stream().anyMatch(BenefitType::medical)) {
      LocalDate limit = claim.medicalPaidOn().plusYears(5);
      if (claim.receivedOn().isAfter(limit)) {
        passed.add("医療費・医療手当: 支払（" + JapaneseDates.format(claim.medicalPaidOn()) + "）から5年の期限（"
            + JapaneseDates.format(limit) + "）を過ぎています");
      }
    }
    if (claim.deathOn() != null && benefits.stream().anyMatch(BenefitType::survivors)) {
      int years = claim.benefitsPaidBefore() ? 2 : 5;
      LocalDate limit = claim.deathOn().plusYears(years);
      if (claim.receivedOn().isAfter(limit)) {
        passed.add("遺族年金・遺族一時金: 死亡（" + JapaneseDates.format(claim.deathOn()) + "）から" + years + "年の期限（"
            + JapaneseDates.format(limit) + "）を過ぎています");
      }
    }
    return passed;
  }

  void markLate(long claimId, List<String> reasons) {
    jdbc.update("update relief_claim set late = true, version = version + 1 where id = ?", claimId);
    events.record(claimId, "LATE", "請求期限を過ぎているため上長の確認に回しました: " + String.join("／", reasons),
        ReliefEvents.SYSTEM);
  }

  Set<DocumentType> documentsReceived(long claimId) {
    return jdbc.queryForList("select distinct document_type from relief_document where claim_id = ?", String.class,
        claimId).stream().map(DocumentType::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  List<DocumentType> documentsMissing(ReliefClaim claim) {
    Set<DocumentType> received = documentsReceived(claim.id());
    return DocumentType.requiredFor(benefitsOf(claim.id()), claim.claimantRelation()).stream()
        .filter(type -> !received.contains(type)).toList();
  }

  // ------------------------------------------------------------------------------------------------ steps

  void status(String businessKey, ReliefClaim.Status status) {
    jdbc.update("update relief_claim set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  @Transactional
  void reviewLate(String businessKey, String decision, String reason) {
    ReliefClaim claim = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    jdbc.update("update relief_claim set late_accepted_by = ?, late_reason = ?, version = version + 1 where id = ?",
        "ACCEPT".equals(decision) ? user : null, reason, claim.id());
    events.record(claim.id(), "LATE_REVIEW", ("ACCEPT".equals(decision) ? "期限後の請求を受け付けました: "
        : "期限経過により不支給としました: ") + reason, user);
  }

  @Transactional
  void requestDocuments(String businessKey, LocalDate requestedOn, String note) {
    ReliefClaim claim = byBusinessKey(businessKey);
    events.record(claim.id(), "DOCUMENTS_REQUESTED", "不足書類の提出を依頼（" + JapaneseDates.format(requestedOn) + "）: "
        + documentsMissing(claim).stream().map(DocumentType::label).collect(Collectors.joining("・")) + "　" + note,
        currentUser.get().username());
  }

  @Transactional
  void recordDocuments(String businessKey, Collection<String> types, LocalDate receivedOn) {
    ReliefClaim claim = byBusinessKey(businessKey);
    if (receivedOn.isAfter(LocalDate.now(clock))) {
      throw ApiException.invalid("受領日が未来の日付です", Map.of("receivedOn", "受領日が未来の日付です"));
    }
    String user = currentUser.get().username();
    for (String type : new LinkedHashSet<>(types)) {
      recordPaperDocument(claim.id(), DocumentType.valueOf(type), receivedOn, user);
    }
  }

  @Transactional
  void scheduleCommittee(String businessKey, LocalDate meetingOn, String note) {
    ReliefClaim claim = byBusinessKey(businessKey);
    jdbc.update("update relief_claim set committee_meeting_on = ?, version = version + 1 where id = ?",
        Date.valueOf(meetingOn), claim.id());
    events.record(claim.id(), "COMMITTEE_SCHEDULED", "調査委員会の開催日を決定: " + JapaneseDates.format(meetingOn)
        + (note == null ? "" : "　" + note), currentUser.get().username());
  }

  @Transactional
  void recordCommitteeOpinion(String businessKey, String opinion, String summary) {
    ReliefClaim claim = byBusinessKey(businessKey);
    if (claim.committeeMeetingOn() != null && claim.committeeMeetingOn().isAfter(LocalDate.now(clock))) {
      throw ApiException.invalid("調査委員会はまだ開催されていません", Map.of("opinion",
          "開催日（" + JapaneseDates.format(claim.committeeMeetingOn()) + "）より前に意見は記録できません"));
    }
    jdbc.update("update relief_claim set committee_opinion = ?, committee_summary = ?, version = version + 1 where id = ?",
        opinion, summary, claim.id());
    events.record(claim.id(), "COMMITTEE_OPINION", "調査委員会の意見: " + ReliefClaim.opinionLabel(opinion) + "　" + summary,
        currentUser.get().username());
  }

  void recordForwarded(long claimId, String requestId) {
    jdbc.update("""
        update relief_claim set forwarded_on = ?, ministry_request_id = ?, forward_count = forward_count + 1,
          version = version + 1 where id = ?""", Date.valueOf(LocalDate.now(clock)), requestId, claimId);
    events.record(claimId, "FORWARDED", "都道府県を経由して厚生労働省へ進達（受付番号 " + requestId + "）", ReliefEvents.SYSTEM);
  }

  void recordFollowUp(String businessKey, String note) {
    events.record(byBusinessKey(businessKey).id(), "FOLLOW_UP", "審査の進捗を確認: " + note, currentUser.get().username());
  }

  @Transactional
  void decide(String businessKey, String decision, Integer oneOffYen, Integer periodicYen, LocalDate endsOn,
              String reason) {
    ReliefClaim claim = byBusinessKey(businessKey);
    List<BenefitType> benefits = benefitsOf(claim.id());
    Map<String, String> problems = new LinkedHashMap<>();
    if ("PAY".equals(decision)) {
      if (!"RECOGNISED".equals(claim.ministryOutcome())) {
        problems.put("municipalDecision", "厚生労働省が認定していない請求は支給にできません（R33）");
      }
      boolean oneOff = benefits.stream().anyMatch(b -> b.kind() == BenefitType.Kind.ONE_OFF);
      boolean periodic = benefits.stream().anyMatch(b -> b.kind() == BenefitType.Kind.PERIODIC);
      if (oneOff && (oneOffYen == null || oneOffYen <= 0)) {
        problems.put("oneOffAmountYen", "一時金等の額を入力してください");
      }
      if (!oneOff && oneOffYen != null && oneOffYen > 0) {
        problems.put("oneOffAmountYen", "一時金等を請求していない請求です（0にしてください）");
      }
      if (periodic && (periodicYen == null || periodicYen <= 0)) {
        problems.put("periodicAmountYen", "年金・手当の各期の額を入力してください");
      }
      if (!periodic && periodicYen != null && periodicYen > 0) {
        problems.put("periodicAmountYen", "年金・手当を請求していない請求です（0にしてください）");
      }
    }
    if (endsOn != null && endsOn.isBefore(LocalDate.now(clock))) {
      problems.put("entitlementEndsOn", "受給権の終期が過去の日付です");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("決定の内容に誤りがあります", problems);
    }
    boolean pay = "PAY".equals(decision);
    jdbc.update("""
        update relief_claim set municipal_decision = ?, decision_reason = ?, one_off_amount_yen = ?,
          periodic_amount_yen = ?, entitlement_ends_on = ?, decided_by = ?, decided_at = ?, approved_by = null,
          approved_at = null, version = version + 1 where id = ?""",
        decision, reason, pay ? Objects.requireNonNullElse(oneOffYen, 0) : null,
        pay ? Objects.requireNonNullElse(periodicYen, 0) : null, endsOn == null ? null : Date.valueOf(endsOn),
        currentUser.get().username(), Timestamp.from(Instant.now(clock)), claim.id());
    events.record(claim.id(), "DECIDED", "市の決定: " + ReliefClaim.decisionLabel(decision)
        + (pay ? "（一時金等 " + Objects.requireNonNullElse(oneOffYen, 0) + "円、年金・手当 各期 "
        + Objects.requireNonNullElse(periodicYen, 0) + "円" + (endsOn == null ? "" : "、終期 " + JapaneseDates.format(endsOn))
        + "）" : "") + "　理由: " + reason, currentUser.get().username());
    audit.record(AuditOperation.RELIEF_DECISION, claim.residentId(), "claim=" + claim.id() + " decision=" + decision);
  }

  @Transactional
  void approve(String businessKey, String approval, String reason) {
    ReliefClaim claim = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    if ("APPROVE".equals(approval)) {
      jdbc.update("update relief_claim set approved_by = ?, approved_at = ?, version = version + 1 where id = ?",
          user, Timestamp.from(Instant.now(clock)), claim.id());
      events.record(claim.id(), "APPROVED", "上長が決定（" + ReliefClaim.decisionLabel(claim.municipalDecision())
          + "）を承認", user);
    } else {
      jdbc.update("""
          update relief_claim set municipal_decision = null, decision_reason = null, one_off_amount_yen = null,
            periodic_amount_yen = null, entitlement_ends_on = null, decided_by = null, decided_at = null,
            version = version + 1 where id = ?""", claim.id());
      events.record(claim.id(), "SENT_BACK", "上長が決定（" + ReliefClaim.decisionLabel(claim.municipalDecision())
          + "）を差し戻し: " + reason, user);
    }
    audit.record(AuditOperation.RELIEF_DECISION, claim.residentId(), "claim=" + claim.id() + " approval=" + approval);
  }

  void recordNotice(long claimId, String text, ReliefClaim.Status status) {
    jdbc.update("update relief_claim set notice_text = ?, notified_at = ?, status = ?, version = version + 1 where id = ?",
        text, Timestamp.from(Instant.now(clock)), status.name(), claimId);
    events.record(claimId, "NOTICE", "決定通知書を作成・送付", ReliefEvents.SYSTEM);
  }

  @Transactional
  void recordAppealOutcome(String businessKey, String outcome, LocalDate ruledOn, String summary) {
    ReliefClaim claim = byBusinessKey(businessKey);
    String user = currentUser.get().username();
    if ("UPHELD".equals(outcome)) {
      // The governor sent the case back: it is examined again from the forwarding on; the timeline keeps the past.
      jdbc.update("""
          update relief_claim set appeal_outcome = ?, ministry_outcome = null, ministry_decided_on = null,
            municipal_decision = null, decision_reason = null, one_off_amount_yen = null, periodic_amount_yen = null,
            entitlement_ends_on = null, decided_by = null, decided_at = null, approved_by = null, approved_at = null,
            version = version + 1 where id = ?""", outcome, claim.id());
    } else {
      jdbc.update("update relief_claim set appeal_outcome = ?, version = version + 1 where id = ?", outcome, claim.id());
    }
    events.record(claim.id(), "APPEAL_RULED", "審査請求の裁決（" + JapaneseDates.format(ruledOn) + "）: "
        + ("UPHELD".equals(outcome) ? "認容（再審査のため進達からやり直し）" : "棄却") + "　" + summary, user);
  }

  /** 審査請求 filed by the claimant, recorded by staff who saw the claim at {@code version}. */
  @Transactional
  void recordAppealFiled(long id, int version, LocalDate filedOn, String note) {
    ReliefClaim claim = byId(id);
    CaseVersion.require(claim.version(), version, "請求");
    if (claim.status() != ReliefClaim.Status.NOT_PAID) {
      throw ApiException.conflict("not_appealable", "この請求は審査請求を受け付けられる状態ではありません（"
          + claim.status().label() + "）");
    }
    if (filedOn.isAfter(LocalDate.now(clock)) || (claim.notifiedAt() != null
        && filedOn.isBefore(LocalDate.ofInstant(claim.notifiedAt(), clock.getZone())))) {
      throw ApiException.invalid("審査請求の日付が正しくありません", Map.of("filedOn", "通知の日から今日までの日付を入力してください"));
    }
    jdbc.update("update relief_claim set appeal_filed_on = ?, appeal_outcome = null, version = version + 1 where id = ?",
        Date.valueOf(filedOn), id);
    events.record(id, "APPEAL_FILED", "都道府県知事への審査請求（" + JapaneseDates.format(filedOn) + "）"
        + (note == null || note.isBlank() ? "" : "　" + note.strip()), currentUser.get().username());
    audit.record(AuditOperation.RELIEF_CLAIM_UPDATED, claim.residentId(), "claim=" + id + " appeal filed");
  }

  /** A paying claim whose entitlement may be revised, at the version the revision is proposed for. */
  ReliefClaim requireRevisable(long id, int version) {
    ReliefClaim claim = byId(id);
    CaseVersion.require(claim.version(), version, "請求");
    if (claim.status() != ReliefClaim.Status.PAYING) {
      throw ApiException.conflict("not_paying", "年金・手当を支給中の請求ではありません（" + claim.status().label() + "）");
    }
    return claim;
  }

  /**
   * An approved revision of the entitlement (額の改定・終期): applies from the next payment period on. Runs in the
   * approving supervisor's completion; the claim must not have changed since the revision was proposed.
   */
  void reviseEntitlement(long id, int version, int periodicAmountYen, LocalDate endsOn, String reason,
                         String proposedBy) {
    ReliefClaim claim = requireRevisable(id, version);
    jdbc.update("update relief_claim set periodic_amount_yen = ?, entitlement_ends_on = ?, version = version + 1 where id = ?",
        periodicAmountYen, endsOn == null ? null : Date.valueOf(endsOn), id);
    events.record(id, "ENTITLEMENT_REVISED", "受給権の改定: 各期 " + periodicAmountYen + "円"
        + (endsOn == null ? "" : "、終期 " + JapaneseDates.format(endsOn)) + "　理由: " + reason
        + "　（提案: " + proposedBy + "）", currentUser.get().username());
    audit.record(AuditOperation.RELIEF_CLAIM_UPDATED, claim.residentId(), "claim=" + id + " entitlement revised");
  }
}
