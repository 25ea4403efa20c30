package jp.lg.immunization.workflow;

import java.util.Map;

/**
 * TRANSITIONAL, to be deleted once every module has typed starters and step handlers: the former untyped contracts.
 */
public interface UntypedCaseSteps {

  String processKey();

  /** The former CaseStarter. */
  interface Starter extends UntypedCaseSteps {
    CaseStarter.StartedCase start(Map<String, Object> values);
  }

  /** The former CaseTaskHandler. */
  interface Handler extends UntypedCaseSteps {
    void beforeComplete(String businessKey, String taskKey, Map<String, Object> values);
  }
}
