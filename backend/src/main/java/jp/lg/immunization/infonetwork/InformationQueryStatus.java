package jp.lg.immunization.infonetwork;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Moves the query's business status as the process reaches each step, and closes its 情報提供等記録 at the end. */
@Component("informationQueryStatus")
class InformationQueryStatus implements ExecutionListener {

  private static final Map<String, InformationQuery.Status> STATUS_AT = Map.ofEntries(
      Map.entry("ApproveQuery", InformationQuery.Status.AWAITING_APPROVAL),
      Map.entry("ReviseQuery", InformationQuery.Status.REJECTED),
      Map.entry("SendQuery", InformationQuery.Status.SENDING),
      Map.entry("AwaitQueryAnswer", InformationQuery.Status.AWAITING_ANSWER),
      Map.entry("CheckQueryResult", InformationQuery.Status.CHECKING),
      Map.entry("DoubleCheckQueryResult", InformationQuery.Status.DOUBLE_CHECKING),
      Map.entry("QueryCompleted", InformationQuery.Status.COMPLETED),
      Map.entry("QueryWithdrawn", InformationQuery.Status.WITHDRAWN),
      Map.entry("QueryRefused", InformationQuery.Status.REFUSED_BY_NETWORK),
      Map.entry("QueryTimedOut", InformationQuery.Status.TIMED_OUT),
      Map.entry("QueryResultDiscarded", InformationQuery.Status.DISCARDED));

  private final InformationQueries queries;
  private final ProvisionRecords records;
  private final Clock clock;

  InformationQueryStatus(InformationQueries queries, ProvisionRecords records, Clock clock) {
    this.queries = queries;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InformationQuery.Status status = STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("No query status for step " + execution.getCurrentActivityId());
    }
    InformationQuery query = queries.byBusinessKey(execution.getProcessBusinessKey());
    query.status(status, Instant.now(clock));
    if (status.ended()) {
      records.ended(query.id(), status.name());
    }
  }
}
