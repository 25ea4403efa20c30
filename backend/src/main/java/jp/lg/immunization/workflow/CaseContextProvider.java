package jp.lg.immunization.workflow;

import java.util.Map;

/**
 * Implemented by the module that owns a process's case data. Reading the context is an access to
 * personal data, so implementations write the audit event.
 */
public interface CaseContextProvider {

  String processKey();

  CaseContext describe(String businessKey);

  /** Values a step's form opens with, e.g. the current content of a request being revised. */
  default Map<String, Object> formData(String businessKey, String taskKey) {
    return Map.of();
  }
}
