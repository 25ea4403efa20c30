package jp.lg.immunization.vrs;

import java.util.Optional;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseTimeline;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.stereotype.Component;

/** The certificate application as a case: its status follows the BPMN's {@code caseStatus}, on its timeline. */
@Component("vrsCertificateStatus")
@CaseProcesses(Certificates.PROCESS_KEY)
class CertificateStatus implements CaseType<Certificate.Status> {

  private final Certificates certificates;
  private final CertificateEvents events;

  CertificateStatus(Certificates certificates, CertificateEvents events) {
    this.certificates = certificates;
    this.events = events;
  }

  @Override
  public void enter(String businessKey, Certificate.Status status) {
    certificates.status(businessKey, status);
  }

  @Override
  public Optional<CaseTimeline> timeline() {
    return Optional.of(events);
  }
}
