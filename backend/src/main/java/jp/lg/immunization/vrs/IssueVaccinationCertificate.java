package jp.lg.immunization.vrs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the checked certificate its 証明書ID and 発行年月日; idempotent (a second run keeps them). */
@Component("issueVaccinationCertificate")
class IssueVaccinationCertificate implements JavaDelegate {

  private final Certificates certificates;

  IssueVaccinationCertificate(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    certificates.issue(execution.getProcessBusinessKey());
  }
}
