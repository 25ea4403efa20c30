package jp.lg.immunization.subsidy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatorsOnly;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIMULATOR of ぴったりサービス: a synthetic resident files a co-pay exemption application online, and it reaches the
 * city after a delay, as the city's download of its applications would bring it. The applicant's entries are
 * copied from the register (the simulator plays the resident), so staff can identify them.
 */
@SimulatorsOnly
@Component
class PittariServiceSimulator {

  private final ElectronicApplications applications;
  private final ResidentDirectory residents;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final SimulatedLink<ElectronicApplications.Application> link;

  PittariServiceSimulator(@Lazy ElectronicApplications applications, ResidentDirectory residents, AuditTrail audit,
                          Clock clock,
                          @Value("${immunization.simulators.pittari-service.auto-deliver:true}") boolean autoDeliver,
                          @Value("${immunization.simulators.pittari-service.delivery-delay:PT5S}") Duration delay) {
    this.applications = applications;
    this.residents = residents;
    this.audit = audit;
    this.clock = clock;
    this.link = new SimulatedLink<>("pittari-service", autoDeliver, delay,
        (applicationNumber, application) -> applications.receive(application));
  }

  /** Files an application as the resident with this 宛名番号 would; returns ぴったりサービス's 申請番号. */
  @Transactional
  String submit(String addresseeNumber, CoPayVaccine vaccine) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(addresseeNumber);
    String applicationNumber = String.format("PT-%04d-%04d-%04d", random.nextInt(10_000), random.nextInt(10_000),
        random.nextInt(10_000));
    CoPayExemption.Applicant applicant = new CoPayExemption.Applicant(resident.nameKanji(), resident.nameKana(),
        resident.birthDate(), String.format("090-0000-%04d", resident.id() % 10_000));
    audit.record(AuditOperation.COPAY_SIMULATED_APPLICATION, resident.id(),
        "simulator=pittari-service application=" + applicationNumber);
    link.accept(applicationNumber, new ElectronicApplications.Application(applicationNumber, Instant.now(clock),
        applicant, vaccine.name()));
    return applicationNumber;
  }

  void deliverPendingApplications() {
    link.deliverPending();
  }

  /** Delivers an application again, as a download that was interrupted may. */
  void redeliver(String applicationNumber) {
    link.received().stream().filter(application -> application.applicationNumber().equals(applicationNumber))
        .forEach(applications::receive);
  }

  void reset() {
    link.reset();
  }
}
