package jp.lg.immunization.relief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The payment run process: staff gather the payments due, a supervisor who did not gather them approves in bulk. */
@Component
class PaymentRunCases implements CaseStarter<PaymentRunCases.Start>, CaseContextProvider {

  record Start(LocalDate dueBy) {}

  private final ReliefPayments payments;
  private final UserDirectory users;

  PaymentRunCases(ReliefPayments payments, UserDirectory users) {
    this.payments = payments;
    this.users = users;
  }

  @Override
  public String processKey() {
    return ReliefPayments.RUN_PROCESS_KEY;
  }

  @Override
  public StartedCase start(Start form) {
    return StartedCase.of(payments.prepareRun(form.dueBy()).id(), null, Map.of());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    ReliefPayments.Run run = payments.run(Long.parseLong(businessKey));
    List<CaseContext.Row> rows = new ArrayList<>();
    for (ReliefPayments.Payment payment : payments.ofRun(run.id())) {
      rows.add(new CaseContext.Row("請求 #" + payment.claimId() + "　" + ("ONE_OFF".equals(payment.kind()) ? "一時金等"
          : "年金・手当 第" + (payment.periodNo() + 1) + "期"), String.format("%,d円（支払期 %s）", payment.amountYen(),
          JapaneseDates.format(payment.dueOn())), "/relief/" + payment.claimId()));
    }
    return new CaseContext("救済給付の支払処理 #" + run.id(), List.of(
        new CaseContext.Section("支払処理", List.of(
            new CaseContext.Row("対象", JapaneseDates.format(run.dueBy()) + "までの支払予定"),
            new CaseContext.Row("件数・合計", run.paymentCount() + "件　" + String.format("%,d円", run.totalYen())),
            new CaseContext.Row("作成者", users.displayName(run.preparedBy()) + "（" + JapaneseDates.format(run.preparedAt()) + "）"))),
        new CaseContext.Section("支払", rows)));
  }
}
