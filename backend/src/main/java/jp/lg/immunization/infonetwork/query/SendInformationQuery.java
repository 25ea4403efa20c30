package jp.lg.immunization.infonetwork.query;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.infonetwork.ProvisionRecords;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.infonetwork.network.NetworkCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends an approved query through the 中間サーバー, addressed by 符号 only. Reached only after the
 * supervisor's approval (R14); the request id is the query's, so a job run twice asks once.
 */
@Component("sendInformationQuery")
class SendInformationQuery implements JavaDelegate {

  private final InformationQueries queries;
  private final NetworkCodes codes;
  private final IntermediateServerPort network;
  private final ProvisionRecords records;
  private final Clock clock;

  SendInformationQuery(InformationQueries queries, NetworkCodes codes, IntermediateServerPort network,
                       ProvisionRecords records, Clock clock) {
    this.queries = queries;
    this.codes = codes;
    this.network = network;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationQuery query = queries.byBusinessKey(execution.getProcessBusinessKey());
    if (query.approvedBy() == null) {
      throw new IllegalStateException("An information query must be approved before it is sent (R14)");
    }
    IntermediateServerPort.Acceptance acceptance = network.sendQuery(new IntermediateServerPort.NetworkQuery(
        InformationQueries.requestIdOf(query.id()), codes.codeFor(query.residentId()), query.informationItem(),
        query.legalBasis()));
    Instant now = Instant.now(clock);
    query.sent(now);
    records.querySent(new ProvisionRecords.Exchange(query.id(), query.residentId(), query.informationItem(),
        query.legalBasis(), query.requestedBy(), query.requestedAt()), query.approvedBy(), query.approvedAt(), now,
        acceptance == IntermediateServerPort.Acceptance.ACCEPTED ? "SENT" : "REFUSED");
    execution.setVariable("networkAcceptance", acceptance.name());
  }
}
