package jp.lg.immunization.infonetwork.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** After two staff have checked it (R19), the result goes into the resident's record, once. */
@Component("saveQueryResult")
class SaveQueryResult implements JavaDelegate {

  private final InformationQueries queries;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SaveQueryResult(InformationQueries queries, JdbcTemplate jdbc, Clock clock) {
    this.queries = queries;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationQuery query = queries.byBusinessKey(execution.getProcessBusinessKey());
    jdbc.update("""
        insert into resident_network_information (resident_id, query_id, information_item, content, saved_at)
        select ?, query_id, ?, payload, ? from query_result where query_id = ?
        on conflict (query_id) do nothing""",
        query.residentId(), query.informationItem().name(), Timestamp.from(Instant.now(clock)), query.id());
  }
}
