package jp.lg.immunization.relief;

import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automatic payment steps of the relief processes, each a small named delegate. */
@Configuration(proxyBeanMethods = false)
class PaymentSteps {

  static final String PERIODIC = "periodicBenefits";
  static final String PERIOD = "paymentPeriod";
  static final String CONTINUES = "entitlementContinues";
  static final String INTERVAL = "paymentInterval";

  /** RecordOneOffPayments: the one-off benefits, once. */
  @Bean
  JavaDelegate recordOneOffPayments(ReliefPayments payments) {
    return execution -> execution.setVariable(PERIODIC,
        payments.scheduleOneOff(Long.parseLong(execution.getProcessBusinessKey())));
  }

  /** RecordPeriodicPayment: this period's pension or allowance, and whether the entitlement goes on. */
  @Bean
  JavaDelegate recordPeriodicPayment(ReliefPayments payments) {
    return execution -> {
      int period = execution.getVariable(PERIOD) instanceof Number number ? number.intValue() : 0;
      boolean continues = payments.schedulePeriod(Long.parseLong(execution.getProcessBusinessKey()), period,
          Period.parse((String) execution.getVariable(INTERVAL)));
      execution.setVariable(PERIOD, period + 1);
      execution.setVariable(CONTINUES, continues);
    };
  }

  /** RecordPaymentRunPaid: the approved run's payments are paid. */
  @Bean
  JavaDelegate recordReliefPaymentRunPaid(ReliefPayments payments) {
    return (DelegateExecution execution) -> payments.markPaid(Long.parseLong(execution.getProcessBusinessKey()));
  }

  /** ReleasePaymentRun: a rejected run's payments are scheduled again. */
  @Bean
  JavaDelegate releaseReliefPaymentRun(ReliefPayments payments) {
    return execution -> payments.release(Long.parseLong(execution.getProcessBusinessKey()));
  }
}
