package jp.lg.immunization.workflow;

import java.util.Map;

/**
 * Implemented by the module that owns a process's case data, when a step's form changes that data
 * (a requester revising a query, say). Called in the completing transaction, after the form's own
 * validation and before the engine moves on; throwing refuses the completion and changes nothing.
 */
public interface CaseTaskHandler {

  String processKey();

  void beforeComplete(String businessKey, String taskKey, Map<String, Object> values);
}
