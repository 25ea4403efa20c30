package jp.lg.immunization.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where e-applications from ぴったりサービス (マイナポータル) arrive, as the city's download of its applications
 * hands them over: each is kept in the app's tables and starts its case through the process's message start, with
 * the application's id only. ぴったりサービス knows applicants by what they typed, not by 宛名番号, so staff identify
 * the applicant first. The same application delivered again changes nothing.
 */
@Service
class ElectronicApplications {

  static final String APPLIED_MESSAGE = "CoPayExemptionApplied";
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** An application as ぴったりサービス delivers it: the applicant's own entries and the vaccine's code. */
  record Application(String applicationNumber, Instant submittedAt, CoPayExemption.Applicant applicant,
                     String vaccineCode) {}

  private final CoPayExemptionRepository exemptions;
  private final ExemptionApplications applications;
  private final RuntimeService runtime;

  ElectronicApplications(CoPayExemptionRepository exemptions, ExemptionApplications applications,
                         RuntimeService runtime) {
    this.exemptions = exemptions;
    this.applications = applications;
    this.runtime = runtime;
  }

  /** @throws IllegalArgumentException for an application naming no vaccine with a co-pay: it is not imported */
  @Transactional
  public void receive(Application application) {
    if (exemptions.existsByApplicationNumber(application.applicationNumber())) {
      return;
    }
    CoPayVaccine vaccine = CoPayVaccine.valueOf(application.vaccineCode());
    LocalDate submittedOn = application.submittedAt().atZone(JAPAN).toLocalDate();
    CoPayExemption exemption = applications.registerElectronic(application.applicationNumber(),
        application.applicant(), vaccine, submittedOn);
    runtime.createMessageCorrelation(APPLIED_MESSAGE)
        .processInstanceBusinessKey(String.valueOf(exemption.id()))
        .setVariables(applications.processVariables())
        .correlateStartMessage();
  }
}
