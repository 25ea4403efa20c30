package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.OutboundAnswer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives 庁内連携's answers: records the status and what it means under the co-pay table on the match (R26),
 * then wakes the waiting process with the outcome only. A second or late delivery changes nothing.
 */
@Service
class StatusMatchAnswers {

  static final String MESSAGE = "StatusMatchAnswered";
  static final String OUTCOME = "matchOutcome";

  private final StatusMatchRepository matches;
  private final CoPayExemptionRepository exemptions;
  private final ExemptionRules rules;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final Clock clock;

  StatusMatchAnswers(StatusMatchRepository matches, CoPayExemptionRepository exemptions, ExemptionRules rules,
                     AuditTrail audit, RuntimeService runtime, Clock clock) {
    this.matches = matches;
    this.exemptions = exemptions;
    this.rules = rules;
    this.audit = audit;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  @OutboundAnswer(system = "city-linkage")
  public void accept(String requestId, CityLinkagePort.StatusAnswer answer) {
    StatusMatch match = matches.findByRequestId(requestId).orElse(null);
    if (match == null) {
      return;
    }
    CoPayExemption exemption = exemptions.findById(match.exemptionId()).orElseThrow();
    ExemptionRules.Verdict verdict = rules.classify(exemption.vaccine(), answer.localTax(), answer.assistance());
    if (!match.answered(answer.localTax(), answer.assistance(), verdict, Instant.now(clock))) {
      return;
    }
    // On record before the process moves on to decide on it.
    matches.saveAndFlush(match);
    audit.record(AuditOperation.COPAY_STATUS_MATCH, exemption.residentId(),
        "case=" + exemption.id() + " source=CITY_LINKAGE result=ANSWERED outcome=" + verdict.outcome());
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(String.valueOf(exemption.id()))
        .setVariable(OUTCOME, verdict.outcome().name())
        .correlateAllWithResult();
  }
}
