package jp.lg.immunization.workflow;

import jp.lg.immunization.platform.ApiException;

/**
 * The optimistic check of every change to a case made outside a task: the screen sends the version it showed, and a
 * case changed meanwhile (by another person or by the process) refuses the change with 409 and changes nothing.
 */
public final class CaseVersion {

  private CaseVersion() {}

  /** @param caseNoun how staff call the case, e.g. 請求, 申請, 受付票 */
  public static void require(long current, long shown, String caseNoun) {
    if (current != shown) {
      throw stale(caseNoun);
    }
  }

  /** For a conditional update that changed no row because the version had moved on. */
  public static ApiException stale(String caseNoun) {
    return ApiException.conflict("concurrent_edit",
        "この" + caseNoun + "は他の職員または処理によって更新されました。画面を更新してから操作してください");
  }
}
