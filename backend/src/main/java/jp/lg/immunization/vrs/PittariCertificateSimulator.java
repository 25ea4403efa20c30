package jp.lg.immunization.vrs;

import java.security.SecureRandom;
import java.time.Duration;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatorsOnly;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of ぴったりサービス for certificate applications: a synthetic resident applies online with their
 * マイナンバーカード, and the application reaches the city after a delay, as the city's download would bring it.
 */
@SimulatorsOnly
@Component
class PittariCertificateSimulator {

  private final ElectronicCertificateApplications applications;
  private final ResidentDirectory residents;
  private final SecureRandom random = new SecureRandom();
  private final SimulatedLink<ElectronicCertificateApplications.Application> link;

  PittariCertificateSimulator(@Lazy ElectronicCertificateApplications applications, ResidentDirectory residents,
                              @Value("${immunization.simulators.pittari-service.auto-deliver:true}") boolean autoDeliver,
                              @Value("${immunization.simulators.pittari-service.delivery-delay:PT5S}") Duration delay) {
    this.applications = applications;
    this.residents = residents;
    this.link = new SimulatedLink<>("pittari-service-certificates", autoDeliver, delay,
        (applicationNumber, application) -> applications.receive(application));
  }

  /** Files a domestic certificate application as the resident with this 宛名番号 would; returns the 申請番号. */
  String submit(String addresseeNumber) {
    long residentId = residents.requireByAddresseeNumber(addresseeNumber).id();
    String applicationNumber = String.format("PT-C%03d-%04d-%04d", random.nextInt(1_000), random.nextInt(10_000),
        random.nextInt(10_000));
    link.accept(applicationNumber, new ElectronicCertificateApplications.Application(applicationNumber, residentId,
        new Certificates.Request(addresseeNumber, Certificate.Kind.DOMESTIC, null, null, null, null, null)));
    return applicationNumber;
  }

  void deliverPendingApplications() {
    link.deliverPending();
  }

  /** Delivers every application again, as an interrupted download may. */
  void redeliverAll() {
    link.received().forEach(applications::receive);
  }

  void reset() {
    link.reset();
  }
}
