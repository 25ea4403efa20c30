package jp.lg.immunization.vrs;

import jp.lg.immunization.platform.OutboundAnswer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives VRS's answers to mover queries: keeps them on the query, then wakes the waiting process with the outcome
 * only. A second or late delivery, or an answer to an attempt since corrected, changes nothing.
 */
@Service
class MoverQueryAnswers {

  static final String MESSAGE = "VrsMoverQueryAnswered";
  static final String OUTCOME = "moverOutcome";

  private final MoverQueries queries;
  private final RuntimeService runtime;

  MoverQueryAnswers(MoverQueries queries, RuntimeService runtime) {
    this.queries = queries;
    this.runtime = runtime;
  }

  @Transactional
  @OutboundAnswer(system = "vrs")
  public void accept(String requestId, VrsPort.MoverAnswer answer) {
    queries.answered(requestId, answer).ifPresent(query -> runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(String.valueOf(query.id()))
        .setVariable(OUTCOME, answer.outcome().name())
        .correlateAllWithResult());
  }
}
