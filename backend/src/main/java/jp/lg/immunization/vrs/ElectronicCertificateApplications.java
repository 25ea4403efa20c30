package jp.lg.immunization.vrs;

import jp.lg.immunization.workflow.ResidentTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where certificate applications from ぴったりサービス arrive: signed with the applicant's マイナンバーカード, so the
 * resident is known. Each is kept in the module's tables and starts its case through the process's message start,
 * with ids only. The same application delivered again changes nothing.
 */
@Service
class ElectronicCertificateApplications {

  /** An application as ぴったりサービス delivers it, the signer already matched to the resident. */
  record Application(String applicationNumber, long residentId, Certificates.Request request) {}

  private final Certificates certificates;
  private final RuntimeService runtime;

  ElectronicCertificateApplications(Certificates certificates, RuntimeService runtime) {
    this.certificates = certificates;
    this.runtime = runtime;
  }

  @Transactional
  public void receive(Application application) {
    certificates.receiveElectronic(application.applicationNumber(), application.residentId(), application.request())
        .ifPresent(certificate -> runtime.createMessageCorrelation(Certificates.APPLIED_MESSAGE)
            .processInstanceBusinessKey(String.valueOf(certificate.id()))
            .setVariable(ResidentTasks.RESIDENT_ID, certificate.residentId())
            .correlateStartMessage());
  }
}
