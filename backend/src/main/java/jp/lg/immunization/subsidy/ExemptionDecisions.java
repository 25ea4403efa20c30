package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.vaccination.CoPayDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on applications (R26): taken only on a recorded match of the status, either automatically when the
 * match through 庁内連携 is conclusive, or by staff who record what they checked instead. An exemption that staff
 * grant without a conclusive match is approved by a supervisor who did not decide it before the notice goes out.
 */
@Service
class ExemptionDecisions {

  /** What staff confirmed an exemption on. */
  enum Ground {
    PUBLIC_ASSISTANCE("生活保護受給"),
    RESIDENT_TAX_EXEMPT("住民税非課税世帯");

    private final String label;

    Ground(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final String NOT_CONFIRMED_REASON = "免除の要件（生活保護受給・住民税非課税世帯）に該当することを確認できませんでした";

  private final ExemptionApplications applications;
  private final StatusMatchRepository matches;
  private final ExemptionNoticeRepository notices;
  private final ExemptionRules rules;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ExemptionDecisions(ExemptionApplications applications, StatusMatchRepository matches,
                     ExemptionNoticeRepository notices, ExemptionRules rules, CurrentUser currentUser, AuditTrail audit,
                     Clock clock) {
    this.applications = applications;
    this.matches = matches;
    this.notices = notices;
    this.rules = rules;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The match through 庁内連携 was conclusive: its outcome is the decision. */
  @Transactional
  void decideAutomatically(String businessKey) {
    CoPayExemption exemption = applications.byBusinessKey(businessKey);
    StatusMatch match = matches.findByRequestId(StatusMatch.requestIdOf(exemption))
        .filter(found -> found.outcome() == MatchOutcome.EXEMPT || found.outcome() == MatchOutcome.NOT_EXEMPT)
        .orElseThrow(() -> new IllegalStateException("R26: no conclusive match recorded for co-pay exemption "
            + exemption.id()));
    boolean exempt = match.outcome() == MatchOutcome.EXEMPT;
    exemption.decide(exempt ? CoPayExemption.Decision.EXEMPT : CoPayExemption.Decision.NOT_EXEMPT,
        match.outcomeReason(), exempt ? 0 : rules.regularCoPayYen(exemption.vaccine()), CoPayExemption.SYSTEM,
        Instant.now(clock));
    audit.record(AuditOperation.COPAY_EXEMPTION_DECIDED, exemption.residentId(),
        "case=" + exemption.id() + " decision=" + exemption.decision() + " basis=match" + match.id());
  }

  /**
   * A staff decision where the match was inconclusive. What they checked is recorded as a match of its own; an
   * exemption needs a document or a department's confirmation, and a ground that the co-pay table exempts.
   */
  @Transactional
  void decideByStaff(String businessKey, CoPayExemption.Decision decision, Ground ground, StatusMatch.Source evidence,
                     String note) {
    CoPayExemption exemption = applications.byBusinessKey(businessKey);
    if (!matches.existsByExemptionIdAndOutcomeIsNotNull(exemption.id())) {
      throw ApiException.conflict("not_matched", "庁内連携による照合が記録されていないため、まだ判断できません（R26）");
    }
    String username = currentUser.get().username();
    Instant now = Instant.now(clock);
    StatusMatch check;
    int coPayYen;
    if (decision == CoPayExemption.Decision.EXEMPT) {
      if (evidence == StatusMatch.Source.NO_EVIDENCE) {
        throw ApiException.invalid("免除とするには、確認した資料が必要です",
            Map.of("evidence", "免除の根拠として確認した資料を選んでください"));
      }
      CoPayDecision table = rules.decide(exemption.vaccine(), ground == Ground.PUBLIC_ASSISTANCE,
          ground == Ground.RESIDENT_TAX_EXEMPT);
      if (!table.exempt()) {
        throw ApiException.invalid(exemption.vaccine().label() + "の自己負担金は" + ground.label() + "では免除されません",
            Map.of("exemptionGround", "この予防接種では" + ground.label() + "による免除はありません（" + table.reason() + "）"));
      }
      check = StatusMatch.checkedByStaff(exemption, evidence,
          ground == Ground.RESIDENT_TAX_EXEMPT ? LocalTaxStatus.NON_TAXABLE_HOUSEHOLD : null,
          ground == Ground.PUBLIC_ASSISTANCE ? AssistanceStatus.RECIPIENT : null,
          new ExemptionRules.Verdict(MatchOutcome.EXEMPT, table.reason()), username, note, now);
      coPayYen = 0;
    } else {
      check = StatusMatch.checkedByStaff(exemption, evidence, null, null,
          new ExemptionRules.Verdict(MatchOutcome.NOT_EXEMPT, NOT_CONFIRMED_REASON), username, note, now);
      coPayYen = rules.regularCoPayYen(exemption.vaccine());
    }
    // The check is on record before the decision that rests on it (the database refuses the other order).
    matches.save(check);
    exemption.decide(decision, check.outcomeReason(), coPayYen, username, now);
    audit.record(AuditOperation.COPAY_STATUS_MATCH, exemption.residentId(),
        "case=" + exemption.id() + " source=" + evidence + " result=CHECKED outcome=" + check.outcome());
    audit.record(AuditOperation.COPAY_EXEMPTION_DECIDED, exemption.residentId(),
        "case=" + exemption.id() + " decision=" + decision + " basis=match" + check.id());
  }

  @Transactional
  void approve(String businessKey) {
    CoPayExemption exemption = applications.byBusinessKey(businessKey);
    exemption.approve(currentUser.get().username(), Instant.now(clock));
    audit.record(AuditOperation.COPAY_EXEMPTION_DECIDED, exemption.residentId(),
        "case=" + exemption.id() + " decision=" + exemption.decision() + " approved");
  }

  @Transactional
  void sendBack(String businessKey) {
    applications.byBusinessKey(businessKey).sendBack();
  }

  /** 決定通知, recorded once; an exemption staff granted goes out only after its approval. */
  @Transactional
  void issueNotice(String businessKey) {
    CoPayExemption exemption = applications.byBusinessKey(businessKey);
    if (notices.findByExemptionId(exemption.id()).isPresent()) {
      return;
    }
    if (exemption.decision() == null) {
      throw new IllegalStateException("R26: co-pay exemption " + exemption.id() + " has no decision to notify");
    }
    if (exemption.decision() == CoPayExemption.Decision.EXEMPT && !CoPayExemption.SYSTEM.equals(exemption.decidedBy())
        && exemption.approvedBy() == null) {
      throw new IllegalStateException("An exemption decided by staff needs a supervisor's approval before its notice");
    }
    ExemptionNotice notice = notices.save(new ExemptionNotice(exemption, Instant.now(clock)));
    audit.record(AuditOperation.COPAY_EXEMPTION_NOTICE, exemption.residentId(),
        "case=" + exemption.id() + " notice=" + notice.id() + " decision=" + notice.decision());
  }
}
