package jp.lg.immunization.vrs;

import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/**
 * VRS found no one under the code asked (R31): staff correct the former municipality's code, which goes to a
 * supervisor's approval again, or close the query with the reason.
 */
@Step(process = MoverQueries.PROCESS_KEY, task = "ReviewVrsMoverNoMatch")
class ReviewMoverNoMatch implements StepHandler<ReviewMoverNoMatch.Form> {

  record Form(MoverQueries.NoMatchAction noMatchAction, String formerMunicipalityCode, String reason) {}

  private final MoverQueries queries;

  ReviewMoverNoMatch(MoverQueries queries) {
    this.queries = queries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    queries.afterNoMatch(businessKey, form.noMatchAction(), form.formerMunicipalityCode(), form.reason());
  }
}
