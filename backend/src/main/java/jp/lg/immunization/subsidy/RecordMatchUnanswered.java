package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The match's deadline passed: records that 庁内連携 never answered, or was never reached (its request failed on
 * every attempt), so that staff decide on the record of a match that did not conclude (R26).
 */
@Component("recordMatchUnanswered")
class RecordMatchUnanswered implements JavaDelegate {

  private final ExemptionApplications applications;
  private final StatusMatchRepository matches;
  private final AuditTrail audit;
  private final Clock clock;

  RecordMatchUnanswered(ExemptionApplications applications, StatusMatchRepository matches, AuditTrail audit,
                        Clock clock) {
    this.applications = applications;
    this.matches = matches;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CoPayExemption exemption = applications.byBusinessKey(execution.getProcessBusinessKey());
    Instant now = Instant.now(clock);
    StatusMatch match = matches.findByRequestId(StatusMatch.requestIdOf(exemption))
        .map(sent -> {
          sent.unanswered(now);
          return sent;
        })
        .orElseGet(() -> matches.save(StatusMatch.neverSent(exemption, now)));
    audit.record(AuditOperation.COPAY_STATUS_MATCH, exemption.residentId(),
        "case=" + exemption.id() + " source=CITY_LINKAGE result=" + match.result());
  }
}
