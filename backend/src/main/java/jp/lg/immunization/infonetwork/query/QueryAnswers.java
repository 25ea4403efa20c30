package jp.lg.immunization.infonetwork.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.lg.immunization.infonetwork.ProvisionRecords;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.platform.OutboundAnswer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives answers from the network: keeps the raw result outside the engine, notes it in the
 * 情報提供等記録 and wakes the waiting process. A second delivery of the same answer changes nothing.
 */
@Service
class QueryAnswers implements IntermediateServerPort.QueryAnswerReceiver {

  static final String MESSAGE = "InformationQueryAnswered";

  private final JdbcTemplate jdbc;
  private final InformationQueryRepository queries;
  private final ProvisionRecords records;
  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final Clock clock;

  QueryAnswers(JdbcTemplate jdbc, InformationQueryRepository queries, ProvisionRecords records, RuntimeService runtime,
               ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.records = records;
    this.runtime = runtime;
    this.json = json;
    this.clock = clock;
  }

  @Override
  @Transactional
  @OutboundAnswer(system = "intermediate-server")
  public void accept(String requestId, Map<String, Object> payload) {
    long queryId = InformationQueries.queryIdOf(requestId);
    Instant now = Instant.now(clock);
    int stored = jdbc.update("""
        insert into query_result (query_id, received_at, payload) values (?, ?, ?::jsonb)
        on conflict (query_id) do nothing""", queryId, Timestamp.from(now), toJson(payload));
    if (stored == 0) {
      return;
    }
    InformationQuery query = queries.findById(queryId).orElseThrow();
    query.answered(now);
    records.answered(queryId, now);
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(String.valueOf(queryId))
        .correlateAllWithResult();
  }

  private String toJson(Map<String, Object> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
