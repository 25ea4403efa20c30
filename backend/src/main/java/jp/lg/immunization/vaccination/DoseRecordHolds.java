package jp.lg.immunization.vaccination;

import java.util.List;
import java.util.Set;

/**
 * Implemented by a module whose records name dose records and still need them (a relief claim names the dose it is
 * about): retention deletes no dose record that one of them holds. The owners of those records depend on vaccination,
 * so vaccination asks them through this interface rather than reading their tables.
 */
public interface DoseRecordHolds {

  /** Which of {@code doseRecordIds} this module's records still name. */
  Set<Long> heldAmong(List<Long> doseRecordIds);
}
