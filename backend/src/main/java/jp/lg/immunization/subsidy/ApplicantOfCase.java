package jp.lg.immunization.subsidy;

import jp.lg.immunization.workflow.ResidentTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Names the applicant's resident in the process, by id only, once it is known (at the counter from the start, for
 * an e-application once staff identified the applicant), so that the steps that follow appear on the resident's
 * case page.
 */
@Component("coPayApplicantOfCase")
class ApplicantOfCase implements ExecutionListener {

  private final ExemptionApplications applications;

  ApplicantOfCase(ExemptionApplications applications) {
    this.applications = applications;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(ResidentTasks.RESIDENT_ID,
        applications.byBusinessKey(execution.getProcessBusinessKey()).residentId());
  }
}
