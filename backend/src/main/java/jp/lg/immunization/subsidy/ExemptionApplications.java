package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseVersion;
import jp.lg.immunization.workflow.FourEyes;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications as the office receives them: at the counter for a resident staff have found, or from
 * ぴったりサービス for an applicant staff identify; returned when they cannot be accepted, withdrawn on request.
 * One application per resident, vaccine and fiscal year is in progress or granted at a time.
 */
@Service
class ExemptionApplications {

  static final String PROCESS_KEY = "CoPayExemption";
  static final String WITHDRAWN_MESSAGE = "CoPayExemptionWithdrawn";
  static final String MATCH_TIMEOUT = "matchTimeout";
  /** How staff call an application in messages. */
  private static final String NOUN = "申請";

  /** What staff enter at the counter (the start form): the resident found, the vaccine and a note. */
  record AtCounter(String addresseeNumber, CoPayVaccine vaccineCode, String note) {}

  private final CoPayExemptionRepository exemptions;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final Clock clock;
  private final Duration matchTimeout;
  private final FourEyes fourEyes;

  ExemptionApplications(CoPayExemptionRepository exemptions, ResidentDirectory residents, CurrentUser currentUser,
                        AuditTrail audit, RuntimeService runtime, Clock clock,
                        @Value("${immunization.copay-exemption.match-timeout:PT24H}") Duration matchTimeout,
                        FourEyes fourEyes) {
    this.exemptions = exemptions;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.runtime = runtime;
    this.clock = clock;
    this.matchTimeout = matchTimeout;
    this.fourEyes = fourEyes;
  }

  /**
   * What a new application's process starts with. The wait for 庁内連携 is fixed when the case starts, so a
   * configuration change never moves a running deadline.
   */
  Map<String, Object> processVariables() {
    return Map.of(MATCH_TIMEOUT, matchTimeout.toString());
  }

  CoPayExemption byBusinessKey(String businessKey) {
    return byId(Long.parseLong(businessKey));
  }

  CoPayExemption byId(long id) {
    return exemptions.findById(id).orElseThrow(() -> ApiException.notFound("免除申請が見つかりません"));
  }

  @Transactional
  CoPayExemption registerAtCounter(AtCounter application) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(application.addresseeNumber());
    CoPayVaccine vaccine = application.vaccineCode();
    CoPayExemption exemption = CoPayExemption.atCounter(resident.id(), vaccine, application.note(),
        currentUser.get().username(), LocalDate.now(clock), Instant.now(clock));
    refuseDuplicate(resident.id(), exemption);
    exemptions.save(exemption);
    audit.record(AuditOperation.COPAY_EXEMPTION_REGISTERED, resident.id(),
        "case=" + exemption.id() + " channel=COUNTER vaccine=" + vaccine);
    return exemption;
  }

  @Transactional
  CoPayExemption registerElectronic(String applicationNumber, CoPayExemption.Applicant applicant, CoPayVaccine vaccine,
                                    LocalDate submittedOn) {
    CoPayExemption exemption = exemptions.save(CoPayExemption.electronic(applicationNumber, applicant, vaccine,
        submittedOn, Instant.now(clock)));
    audit.record(AuditOperation.COPAY_EXEMPTION_REGISTERED, null,
        "case=" + exemption.id() + " channel=ELECTRONIC application=" + applicationNumber + " vaccine=" + vaccine);
    return exemption;
  }

  /** Links an e-application to the resident staff found; the birth date the applicant gave must be theirs. */
  @Transactional
  void identifyApplicant(String businessKey, String addresseeNumber) {
    CoPayExemption exemption = byBusinessKey(businessKey);
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(addresseeNumber);
    if (!resident.birthDate().equals(exemption.applicant().birthDate())) {
      throw ApiException.invalid("申請者と住民の生年月日が一致しません", Map.of("addresseeNumber",
          "この宛名番号の住民は申請者と生年月日が一致しません。申請者本人かを確認してください"));
    }
    refuseDuplicate(resident.id(), exemption);
    exemption.identify(resident.id());
    audit.record(AuditOperation.COPAY_EXEMPTION_REGISTERED, resident.id(),
        "case=" + exemption.id() + " channel=ELECTRONIC applicant identified");
  }

  @Transactional
  void returnApplication(String businessKey, String reason) {
    byBusinessKey(businessKey).close(reason, currentUser.get().username());
  }

  /**
   * 取下げ at the applicant's request, by a staff member who saw the application at {@code version}: if anyone or
   * anything changed it since, the withdrawal is refused, so that nobody withdraws what they have not seen.
   */
  @Transactional
  CoPayExemption withdraw(long id, int version, String reason) {
    CoPayExemption exemption = byId(id);
    if (exemption.status().ended()) {
      throw ApiException.conflict("already_ended",
          "この申請は既に終了しているため取り下げられません（" + exemption.status().label() + "）");
    }
    CaseVersion.require(exemption.version(), version, NOUN);
    // Ending an application unheard needs a second person (README, "Second person").
    fourEyes.requireSecondPerson(PROCESS_KEY, String.valueOf(id), "withdraw");
    exemption.close(reason, currentUser.get().username());
    audit.record(AuditOperation.COPAY_EXEMPTION_WITHDRAWN, exemption.residentId(), "case=" + exemption.id());
    try {
      runtime.createMessageCorrelation(WITHDRAWN_MESSAGE).processInstanceBusinessKey(String.valueOf(id))
          .correlateWithResult();
    } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
      throw CaseVersion.stale(NOUN);
    }
    return exemption;
  }

  private void refuseDuplicate(long residentId, CoPayExemption application) {
    exemptions.findByResidentIdAndVaccineAndFiscalYear(residentId, application.vaccine(), application.fiscalYear())
        .stream()
        .filter(other -> !other.id().equals(application.id()))
        .filter(other -> !other.status().ended() || other.decision() == CoPayExemption.Decision.EXEMPT)
        .findFirst()
        .ifPresent(other -> {
          throw ApiException.invalid("同じ年度・同じ予防接種の免除申請が既にあります", Map.of("addresseeNumber",
              "この住民の" + other.fiscalYearLabel() + other.vaccine().label() + "の免除申請は既にあります（#"
                  + other.id() + "・" + other.status().label() + "）"));
        });
  }
}
