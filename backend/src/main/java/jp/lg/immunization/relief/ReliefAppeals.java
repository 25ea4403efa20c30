package jp.lg.immunization.relief;

import java.time.LocalDate;
import jp.lg.immunization.platform.ApiException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 審査請求: the claimant appeals a 不支給 decision to the prefectural governor; staff record it and the case waits. */
@Service
class ReliefAppeals {

  static final String MESSAGE = "ReliefAppealFiled";

  private final ReliefClaims claims;
  private final RuntimeService runtime;
  private final ReliefSettings settings;

  ReliefAppeals(ReliefClaims claims, RuntimeService runtime, ReliefSettings settings) {
    this.claims = claims;
    this.runtime = runtime;
    this.settings = settings;
  }

  @Transactional
  void file(long id, int version, LocalDate filedOn, String note) {
    claims.recordAppealFiled(id, version, filedOn, note);
    try {
      runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(String.valueOf(id))
          .setVariables(settings.appealRulingDue(filedOn)).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("not_appealable", "この請求は審査請求を受け付けられる状態ではありません（審査請求期間の経過など）");
    } catch (OptimisticLockingException e) {
      throw ApiException.conflict("concurrent_edit", "この請求は同時に更新されました。画面を更新してから操作してください");
    }
  }
}
