package jp.lg.immunization.workflow;

/**
 * Implemented by the module that owns a process's case data. Reading the context is an access to
 * personal data, so implementations write the audit event.
 */
public interface CaseContextProvider {

  String processKey();

  CaseContext describe(String businessKey);
}
