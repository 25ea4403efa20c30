package jp.lg.immunization.workflow;

/**
 * What completing one user task does to its case: one handler per BPMN user task, a bean annotated with {@link Step}
 * naming the process and the task's id. {@code F} is a record whose components are the form fields the handler reads,
 * by key; it is made from the values the form has already validated (dates as {@link java.time.LocalDate}, numbers,
 * lists, enums by their option values). Start-up checks every handler against its process and form (see
 * {@code ProcessConsistency}).
 *
 * <p>Called in the completing transaction, before the engine moves on; throwing refuses the completion and changes
 * nothing.
 */
public interface StepHandler<F extends Record> {

  void complete(String businessKey, F form);
}
