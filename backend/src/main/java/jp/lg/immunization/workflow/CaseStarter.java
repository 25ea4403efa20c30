package jp.lg.immunization.workflow;

import java.util.HashMap;
import java.util.Map;

/**
 * Implemented by the module that owns a process's case data: keeps the start form's values (which may be personal
 * data) in its own tables and hands the engine only the business key and codes. Only processes with a starter can be
 * started from the catalogue. {@code F} is a record of the start form's fields, as for a {@link StepHandler}.
 */
public interface CaseStarter<F extends Record> {

  /** The process variable naming who started a case; the four-eyes rule keeps them from approving it. */
  String STARTED_BY = ProcessCatalog.STARTED_BY;

  /**
   * The process variable (a {@link java.util.Date}) holding a case's deadline in law, e.g. R28's 30 days: every step
   * of the case is due by it at the latest, earlier where its SLA target says so.
   */
  String LEGAL_DEADLINE = "dueAt";

  String processKey();

  StartedCase start(F form);

  /** The case's business key and the process variables it starts with: ids and codes, never personal data. */
  record StartedCase(String businessKey, Map<String, Object> variables) {

    /**
     * A case about a resident: the engine gets the resident's id (for the task list and retention), nothing else of
     * theirs, and the variables of each map (ids, codes, decisions, timer durations).
     */
    @SafeVarargs
    public static StartedCase of(long caseId, Long residentId, Map<String, ?>... variables) {
      Map<String, Object> all = new HashMap<>();
      for (Map<String, ?> some : variables) {
        all.putAll(some);
      }
      if (residentId != null) {
        all.put(ResidentTasks.RESIDENT_ID, residentId);
      }
      return new StartedCase(String.valueOf(caseId), all);
    }
  }
}
