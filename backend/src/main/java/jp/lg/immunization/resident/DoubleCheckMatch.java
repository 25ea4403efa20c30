package jp.lg.immunization.resident;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** The second staff member's check of a proposed match: a confirmation must not register a person twice. */
@Step(process = NonResidentCases.PROCESS_KEY, task = "DoubleCheckMatch")
class DoubleCheckMatch implements StepHandler<DoubleCheckMatch.Form> {

  record Form(String decision) {}

  private final NonResidentCases cases;

  DoubleCheckMatch(NonResidentCases cases) {
    this.cases = cases;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if ("CONFIRM".equals(form.decision())) {
      cases.checkNotRegisteredYet(businessKey);
    }
  }
}
