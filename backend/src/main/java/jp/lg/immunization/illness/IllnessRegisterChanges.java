package jp.lg.immunization.illness;

import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.resident.ResidentRegisterChanged;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A special case's last days depend on the resident's birth date (the upper ages): when the register may have
 * changed it (a staff correction, a 職権記載, a 転入 of a resident known here, a full extract applied by reconciliation),
 * the resident's cases are judged again, in the transaction that changed the register.
 */
@Component
class IllnessRegisterChanges {

  private static final Set<Change> MAY_CHANGE_BIRTH_DATE = EnumSet.of(Change.CORRECTED, Change.REGISTERED_EX_OFFICIO,
      Change.MOVED_IN, Change.REGISTERED_FROM_EXTRACT);

  private final IllnessExceptions exceptions;

  IllnessRegisterChanges(IllnessExceptions exceptions) {
    this.exceptions = exceptions;
  }

  @EventListener
  void onRegisterChange(ResidentRegisterChanged change) {
    if (MAY_CHANGE_BIRTH_DATE.contains(change.change())) {
      exceptions.recomputeAfterRegisterChange(change.residentId());
    }
  }
}
