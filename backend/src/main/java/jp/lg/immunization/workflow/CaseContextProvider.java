package jp.lg.immunization.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implemented by the module that owns a process's case data. Reading the context is an access to
 * personal data, so implementations write the audit event.
 */
public interface CaseContextProvider {

  String processKey();

  CaseContext describe(String businessKey);

  /**
   * The contexts of several cases at once, by business key, e.g. for a page of the approval queue: each case audited as
   * by {@link #describe}. A module whose cases fill such pages overrides it to read them in a few queries, not a few
   * per case.
   */
  default Map<String, CaseContext> describeAll(List<String> businessKeys) {
    Map<String, CaseContext> described = new LinkedHashMap<>();
    businessKeys.forEach(key -> described.put(key, describe(key)));
    return described;
  }

  /** Values a step's form opens with, e.g. the current content of a request being revised. */
  default Map<String, Object> formData(String businessKey, String taskKey) {
    return Map.of();
  }
}
