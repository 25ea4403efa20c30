package jp.lg.immunization.resident;

import java.util.Collection;
import java.util.Map;
import jp.lg.immunization.audit.AuditedResidents;
import org.springframework.stereotype.Component;

/** Lets the audit module show and filter by 宛名番号 without depending on this module. */
@Component
class ResidentsForAudit implements AuditedResidents {

  private final ResidentDirectory directory;

  ResidentsForAudit(ResidentDirectory directory) {
    this.directory = directory;
  }

  @Override
  public long requireId(String addresseeNumber) {
    return directory.requireByAddresseeNumber(addresseeNumber).id();
  }

  @Override
  public Map<Long, String> addresseeNumbers(Collection<Long> residentIds) {
    return directory.addresseeNumbers(residentIds);
  }
}
