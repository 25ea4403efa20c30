package jp.lg.immunization.subsidy;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.ResidentDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks 庁内連携 for the applicant's local-tax and public-assistance status and records the request (R26). The
 * request and its record stand or fall together: when the link fails, neither is kept and the engine retries.
 */
@Component("requestStatusMatch")
class RequestStatusMatch implements JavaDelegate {

  private final ExemptionApplications applications;
  private final StatusMatchRepository matches;
  private final ResidentDirectory residents;
  private final CityLinkagePort linkage;
  private final AuditTrail audit;
  private final Clock clock;

  RequestStatusMatch(ExemptionApplications applications, StatusMatchRepository matches, ResidentDirectory residents,
                     CityLinkagePort linkage, AuditTrail audit, Clock clock) {
    this.applications = applications;
    this.matches = matches;
    this.residents = residents;
    this.linkage = linkage;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CoPayExemption exemption = applications.byBusinessKey(execution.getProcessBusinessKey());
    StatusMatch match = matches.findByRequestId(StatusMatch.requestIdOf(exemption))
        .orElseGet(() -> matches.save(StatusMatch.requested(exemption, Instant.now(clock))));
    String addresseeNumber = residents.byId(exemption.residentId()).orElseThrow().addresseeNumber();
    linkage.requestStatus(new CityLinkagePort.StatusRequest(match.requestId(), addresseeNumber, match.fiscalYear()));
    audit.record(AuditOperation.COPAY_STATUS_MATCH, exemption.residentId(),
        "case=" + exemption.id() + " source=CITY_LINKAGE request=" + match.requestId());
  }
}
