package jp.lg.immunization.subsidy;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff link an e-application to the resident they found (by 宛名番号), or return it with the reason. */
@Step(process = ExemptionApplications.PROCESS_KEY, task = "IdentifyApplicant")
class IdentifyApplicant implements StepHandler<IdentifyApplicant.Form> {

  enum Acceptance { ACCEPT, RETURN }

  record Form(Acceptance decision, String addresseeNumber, String reason) {}

  private final ExemptionApplications applications;

  IdentifyApplicant(ExemptionApplications applications) {
    this.applications = applications;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.decision() == Acceptance.ACCEPT) {
      applications.identifyApplicant(businessKey, form.addresseeNumber());
    } else {
      applications.returnApplication(businessKey, form.reason());
    }
  }
}
