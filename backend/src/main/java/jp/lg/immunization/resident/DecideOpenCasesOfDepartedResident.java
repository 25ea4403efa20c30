package jp.lg.immunization.resident;

import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff's decision on the open cases of a resident who moved out or died, with the reason. */
@Step(process = DepartureReviews.PROCESS_KEY, task = "DecideOpenCasesOfDepartedResident")
class DecideOpenCasesOfDepartedResident implements StepHandler<DecideOpenCasesOfDepartedResident.Form> {

  enum Decision { WITHDRAW, CONTINUE }

  record Form(Decision openCaseDecision, String note) {}

  private final DepartureReviews reviews;
  private final CurrentUser currentUser;

  DecideOpenCasesOfDepartedResident(DepartureReviews reviews, CurrentUser currentUser) {
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @Override
  public void complete(String businessKey, Form form) {
    reviews.decide(businessKey, form.openCaseDecision().name(), form.note(), currentUser.get().username());
  }
}
