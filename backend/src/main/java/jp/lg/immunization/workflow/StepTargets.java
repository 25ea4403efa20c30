package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * When a step should be done by, from the targets the KPI dashboard keeps (business days on the office calendar).
 * Implemented by the module that keeps the targets, which itself reads this module's relations. Asked once per step,
 * at its creation, so a changed target applies to steps created after the change.
 */
public interface StepTargets {

  /** The moment a step of this kind created at {@code created} is due; empty when no target applies. */
  Optional<Instant> dueBy(String processKey, String taskKey, Instant created);
}
