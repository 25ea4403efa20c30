package jp.lg.immunization.outsideprovision;

import java.util.Optional;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The provision as a case: its status follows the BPMN's {@code caseStatus}; each step reached is on its timeline. */
@Component("outsideProvisionStatus")
@CaseProcesses(OutsideProvisions.PROCESS_KEY)
class OutsideProvisionStatus implements CaseType<OutsideProvision.Status> {

  private final OutsideProvisions provisions;
  private final OutsideProvisionEvents events;

  OutsideProvisionStatus(OutsideProvisions provisions, OutsideProvisionEvents events) {
    this.provisions = provisions;
    this.events = events;
  }

  @Override
  public void enter(String businessKey, OutsideProvision.Status status) {
    provisions.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }
}
