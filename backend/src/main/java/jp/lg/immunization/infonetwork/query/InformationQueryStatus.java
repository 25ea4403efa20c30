package jp.lg.immunization.infonetwork.query;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.infonetwork.ProvisionRecords;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/**
 * The query's business status as the process reaches each step (the steps declare it), and the 情報提供等記録 closed
 * with the outcome once the query has ended (R25).
 */
@Component
@CaseProcesses(InformationQueries.PROCESS_KEY)
class InformationQueryStatus implements CaseType<InformationQuery.Status> {

  private final InformationQueries queries;
  private final ProvisionRecords records;
  private final Clock clock;

  InformationQueryStatus(InformationQueries queries, ProvisionRecords records, Clock clock) {
    this.queries = queries;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void enter(String businessKey, InformationQuery.Status status) {
    InformationQuery query = queries.byBusinessKey(businessKey);
    query.status(status, Instant.now(clock));
    if (status.ended()) {
      records.ended(query.id(), status.name());
    }
  }
}
