package jp.lg.immunization.workflow;

import java.util.Map;

/**
 * Implemented by the module that owns a process's case data: keeps the start form's values (which
 * may be personal data) in its own tables and hands the engine only the business key and codes.
 * Only processes with a starter can be started from the catalogue.
 */
public interface CaseStarter {

  /** The process variable naming who started a case; {@code CaseStarter} in fourEyesAgainst refers to it. */
  String STARTED_BY = ProcessCatalog.STARTED_BY;

  String processKey();

  StartedCase start(Map<String, Object> values);

  record StartedCase(String businessKey, Map<String, Object> variables) {}
}
