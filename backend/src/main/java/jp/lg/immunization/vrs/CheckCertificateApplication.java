package jp.lg.immunization.vrs;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff check the application and the doses the certificate will state, and decide to issue it or not (with why). */
@Step(process = Certificates.PROCESS_KEY, task = "CheckCertificateApplication")
class CheckCertificateApplication implements StepHandler<CheckCertificateApplication.Form> {

  record Form(Certificates.Decision certificateDecision, String reason) {}

  private final Certificates certificates;

  CheckCertificateApplication(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void complete(String businessKey, Form form) {
    certificates.check(businessKey, form.certificateDecision(), form.reason());
  }
}
