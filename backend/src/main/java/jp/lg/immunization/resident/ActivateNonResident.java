package jp.lg.immunization.resident;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After two staff have confirmed the match, the looked-up identity becomes a usable resident record
 * (住登外, source 市町村CS). Runs at most once per case: a second run finds the record already linked.
 */
@Component("activateNonResident")
class ActivateNonResident implements JavaDelegate {

  private final NonResidentCases cases;
  private final ResidentRepository residents;
  private final AddresseeNumbers addresseeNumbers;
  private final Clock clock;

  ActivateNonResident(NonResidentCases cases, ResidentRepository residents, AddresseeNumbers addresseeNumbers,
                      Clock clock) {
    this.cases = cases;
    this.residents = residents;
    this.addresseeNumbers = addresseeNumbers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NonResidentCase found = cases.byBusinessKey(execution.getProcessBusinessKey());
    if (found.residentId() != null) {
      return;
    }
    Resident resident = new Resident(addresseeNumbers.next(), found.foundName(), found.foundBirthDate(),
        found.foundSex(), found.foundAddress(), ResidentStatus.NON_RESIDENT, ResidentSource.RESIDENT_NETWORK_CS,
        Instant.now(clock));
    resident.myNumber(found.foundMyNumberCipher(), found.foundMyNumberHash());
    found.linkResident(residents.save(resident).id());
  }
}
