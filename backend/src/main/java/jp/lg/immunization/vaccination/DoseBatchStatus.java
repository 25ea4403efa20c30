package jp.lg.immunization.vaccination;

import jp.lg.immunization.workflow.CaseStatus;

/**
 * Where a batch stands. A batch starts VALIDATING when it is uploaded; from then on the steps of the process
 * DoseBatchRegistration declare the status they enter ({@code caseStatus}).
 */
enum DoseBatchStatus implements CaseStatus {
  VALIDATING(Label.open("検証中")),
  REVIEW(Label.open("エラー確認中")),
  AWAITING_APPROVAL(Label.open("承認待ち")),
  REGISTERED(Label.ended("登録済み")),
  DISCARDED(Label.ended("取消"));

  private final Label label;

  DoseBatchStatus(Label label) { this.label = label; }

  @Override
  public Label describe() { return label; }
}
