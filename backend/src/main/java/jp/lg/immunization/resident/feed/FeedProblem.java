package jp.lg.immunization.resident.feed;

/**
 * Why a feed line was rejected: an エラーコード (E1xx, the feed's own range beside the dose batch's E0xx), the item
 * (by key, null for the whole line) and what a clerk should read. Never echoes a 個人番号.
 */
record FeedProblem(String code, String item, String message) {

  static FeedProblem of(String code, FeedItem item, String message) {
    return new FeedProblem(code, item == null ? null : item.key(), message);
  }

  @Override
  public String toString() {
    return code + " " + message;
  }
}
