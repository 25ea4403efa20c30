package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Published in the transaction that changed the register, once per resident and 異動 that took effect (a 異動 that
 * arrived after a later one had set the same items publishes nothing). Other modules subscribe to it instead of
 * reading the resident table: it carries ids and codes only.
 *
 * @param on the 異動日: the day the change took effect in the register, not the day it reached this system
 * @param changed the groups of items whose held values this change replaced, so that a listener reacts only to what
 *     it depends on; empty for a resident new to the register, who had nothing held to change (and no cases yet)
 */
public record ResidentRegisterChanged(long residentId, Change change, LocalDate on, Set<ItemGroup> changed) {

  public ResidentRegisterChanged {
    changed = Set.copyOf(changed);
  }

  public enum Change {
    REGISTERED_FROM_EXTRACT, MOVED_IN, BORN, REGISTERED_EX_OFFICIO,
    MOVED_OUT, DIED, REMOVED_EX_OFFICIO,
    ADDRESS_CHANGED, NAME_CHANGED, HOUSEHOLD_CHANGED, RESIDENT_CODE_CHANGED, MY_NUMBER_CHANGED,
    /** Staff corrected identity items (職権修正, R05). */
    CORRECTED
  }

  private static final Set<Change> LEAVING = EnumSet.of(Change.MOVED_OUT, Change.DIED, Change.REMOVED_EX_OFFICIO);
  private static final Set<Change> ARRIVING = EnumSet.of(Change.MOVED_IN, Change.BORN, Change.REGISTERED_EX_OFFICIO);

  /** The resident is no longer registered here: outreach, 予診票 and reminders leave them out from now on. */
  public boolean leftTheRegister() {
    return LEAVING.contains(change);
  }

  public boolean changed(ItemGroup group) {
    return changed.contains(group);
  }

  /** The resident came into the register by a 異動 (not by the first full extract). */
  public boolean arrived() {
    return ARRIVING.contains(change);
  }
}
