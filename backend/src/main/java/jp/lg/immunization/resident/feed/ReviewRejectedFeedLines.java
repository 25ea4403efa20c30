package jp.lg.immunization.resident.feed;

import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff's review of a file with rejected lines: what they found or arranged with the register's office. */
@Step(process = ResidentFeeds.PROCESS_KEY, task = "ReviewRejectedFeedLines")
class ReviewRejectedFeedLines implements StepHandler<ReviewRejectedFeedLines.Form> {

  record Form(String note) {}

  private final ResidentFeeds feeds;
  private final CurrentUser currentUser;

  ReviewRejectedFeedLines(ResidentFeeds feeds, CurrentUser currentUser) {
    this.feeds = feeds;
    this.currentUser = currentUser;
  }

  @Override
  public void complete(String businessKey, Form form) {
    feeds.review(Long.parseLong(businessKey), form.note(), currentUser.get().username());
  }
}
