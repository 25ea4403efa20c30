package jp.lg.immunization.workflow;

import java.util.Optional;

/**
 * The kind of case one or more processes work on, implemented by the module that owns its data: a bean annotated
 * with {@link CaseProcesses} naming the processes, whose status enum is {@code S}. The BPMN declares which status
 * each step enters ({@code <camunda:property name="caseStatus" value="AWAITING_APPROVAL"/>}); the engine layer calls
 * {@link #enter} as the process reaches the step, in the engine's transaction, and writes the step on the case's
 * timeline when it has one. Start-up checks that every declared status is a constant of {@code S}.
 */
public interface CaseType<S extends Enum<S> & CaseStatus> {

  /** Moves the case to {@code status}. Must be safe to repeat: a job may run twice. */
  void enter(String businessKey, S status);

  /** The case's timeline, where reaching each step (but the start) is recorded. */
  default Optional<CaseTimeline> timeline() {
    return Optional.empty();
  }
}
