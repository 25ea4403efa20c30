package jp.lg.immunization.vrs;

import java.util.Optional;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The mover query as a case: its status follows the {@code caseStatus} of each BPMN step, written on its timeline. */
@Component("vrsMoverQueryStatus")
@CaseProcesses(MoverQueries.PROCESS_KEY)
class MoverQueryStatus implements CaseType<MoverQuery.Status> {

  private final MoverQueries queries;
  private final MoverQueryEvents events;

  MoverQueryStatus(MoverQueries queries, MoverQueryEvents events) {
    this.queries = queries;
    this.events = events;
  }

  @Override
  public void enter(String businessKey, MoverQuery.Status status) {
    queries.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }
}
