package jp.lg.immunization.vrs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the approved mover query to VRS. It is marked sent first, which the database refuses without the consent and
 * identity check on record (R30); the mark and the call stand or fall together, so a failed call is retried.
 */
@Component("sendVrsMoverQuery")
class SendMoverQuery implements JavaDelegate {

  private final MoverQueries queries;
  private final VrsPort vrs;

  SendMoverQuery(MoverQueries queries, VrsPort vrs) {
    this.queries = queries;
    this.vrs = vrs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    vrs.queryFormerMunicipality(queries.markSent(execution.getProcessBusinessKey()));
  }
}
