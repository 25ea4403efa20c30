package jp.lg.immunization.disclosure;

import java.util.HashSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseActors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whoever extended a request's deadline changed the case, so the four-eyes rule keeps them from approving it. */
@Component
class RequestExtenders implements CaseActors {

  private final JdbcTemplate jdbc;

  RequestExtenders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String processKey() {
    return ResidentRequests.PROCESS_KEY;
  }

  @Override
  public Set<String> of(String businessKey) {
    return new HashSet<>(jdbc.queryForList("select recorded_by from resident_request_extension where request_id = ?",
        String.class, Long.parseLong(businessKey)));
  }
}
