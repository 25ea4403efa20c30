package jp.lg.immunization.vaccination;

/** Where a batch stands; the BPMN process DoseBatchRegistration moves it. */
enum DoseBatchStatus {
  VALIDATING("検証中"),
  REVIEW("エラー確認中"),
  AWAITING_APPROVAL("承認待ち"),
  REGISTERED("登録済み"),
  DISCARDED("取消");

  private final String label;

  DoseBatchStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
