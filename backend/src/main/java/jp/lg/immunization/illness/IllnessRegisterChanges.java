package jp.lg.immunization.illness;

import jp.lg.immunization.resident.ItemGroup;
import jp.lg.immunization.resident.ResidentRegisterChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A special case's last days depend on the resident's birth date (the upper ages): when a change of the register
 * replaced it (a staff correction, a 職権記載 or 転入 of a resident known here, a full extract applied by
 * reconciliation), the resident's cases are judged again, in the transaction that changed the register. A resident
 * new to the register has no cases, so a first load of the whole register asks nothing here.
 */
@Component
class IllnessRegisterChanges {

  private final IllnessExceptions exceptions;

  IllnessRegisterChanges(IllnessExceptions exceptions) {
    this.exceptions = exceptions;
  }

  @EventListener
  void onRegisterChange(ResidentRegisterChanged change) {
    if (change.changed(ItemGroup.IDENTITY)) {
      exceptions.recomputeAfterRegisterChange(change.residentId());
    }
  }
}
