package jp.lg.immunization.relief;

import java.time.LocalDate;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff decide 支給/不支給 with the amounts and the entitlement's end. */
@Step(process = ReliefClaims.PROCESS_KEY, task = "DecideMunicipalPayment")
class DecideMunicipalPayment implements StepHandler<DecideMunicipalPayment.Form> {

  record Form(String municipalDecision, Integer oneOffAmountYen, Integer periodicAmountYen, LocalDate entitlementEndsOn,
              String reason) {}

  private final ReliefClaims claims;

  DecideMunicipalPayment(ReliefClaims claims) {
    this.claims = claims;
  }

  @Override
  public void complete(String businessKey, Form form) {
    claims.decide(businessKey, form.municipalDecision(), form.oneOffAmountYen(), form.periodicAmountYen(),
        form.entitlementEndsOn(), form.reason());
  }
}
