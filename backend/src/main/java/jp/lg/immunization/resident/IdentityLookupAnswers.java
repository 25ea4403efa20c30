package jp.lg.immunization.resident;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.platform.OutboundAnswer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives 市町村CS answers: stores the identity data on the case (never in the engine) and wakes the
 * waiting process with only the outcome. A second delivery of the same answer changes nothing.
 */
@Service
class IdentityLookupAnswers {

  static final String MESSAGE = "IdentityLookupAnswered";

  private final NonResidentCaseRepository cases;
  private final MyNumberProtector protector;
  private final RuntimeService runtime;
  private final Clock clock;

  IdentityLookupAnswers(NonResidentCaseRepository cases, MyNumberProtector protector, RuntimeService runtime,
                        Clock clock) {
    this.cases = cases;
    this.protector = protector;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  @OutboundAnswer(system = "resident-network")
  public void accept(String requestId, IdentityAnswer answer) {
    long caseId = NonResidentCases.caseIdOf(requestId);
    NonResidentCase nonResidentCase = cases.findById(caseId).orElse(null);
    if (nonResidentCase == null || !nonResidentCase.recordAnswer(answer, protector, Instant.now(clock))) {
      return;
    }
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(String.valueOf(caseId))
        .setVariable("lookupOutcome", nonResidentCase.lookupOutcome().name())
        .correlateAllWithResult();
  }
}
