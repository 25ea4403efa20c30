package jp.lg.immunization.relief;

import java.util.Set;
import jp.lg.immunization.workflow.CaseActors;
import org.springframework.stereotype.Component;

/** A payment run refuses as approver everyone who set the terms of an entitlement it pays (issue 15). */
@Component
class PaymentRunActors implements CaseActors {

  private final ReliefPayments payments;
  private final ReliefEntitlementRevisions revisions;

  PaymentRunActors(ReliefPayments payments, ReliefEntitlementRevisions revisions) {
    this.payments = payments;
    this.revisions = revisions;
  }

  @Override
  public String processKey() {
    return ReliefPayments.RUN_PROCESS_KEY;
  }

  @Override
  public Set<String> of(String businessKey) {
    return revisions.touchedEntitlements(payments.ofRun(Long.parseLong(businessKey)).stream()
        .map(ReliefPayments.Payment::claimId).distinct().toList());
  }
}
