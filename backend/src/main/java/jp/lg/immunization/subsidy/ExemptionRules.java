package jp.lg.immunization.subsidy;

import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.vaccination.CoPay;
import jp.lg.immunization.vaccination.CoPayDecision;
import org.springframework.stereotype.Component;

/**
 * Reads a match through the city's co-pay table (processes/copay.dmn), so that the exemption follows the same
 * rules as the ticket: a match is conclusive when the table gives the same answer for every value the unknown
 * parts of it could take (a public-assistance recipient is exempt whatever the tax record says; a missing tax
 * record does not matter for a vaccine the city exempts only for public assistance).
 */
@Component
class ExemptionRules {

  record Verdict(MatchOutcome outcome, String reason) {}

  private final CoPay coPay;

  ExemptionRules(CoPay coPay) {
    this.coPay = coPay;
  }

  Verdict classify(CoPayVaccine vaccine, LocalTaxStatus tax, AssistanceStatus assistance) {
    List<CoPayDecision> possible = new ArrayList<>();
    for (boolean recipient : assistance.possiblyRecipient()) {
      for (boolean taxExempt : tax.possiblyExempt()) {
        possible.add(coPay.decide(vaccine.name(), recipient, taxExempt));
      }
    }
    CoPayDecision first = possible.get(0);
    if (possible.stream().allMatch(decision -> decision.exempt() == first.exempt())) {
      return new Verdict(first.exempt() ? MatchOutcome.EXEMPT : MatchOutcome.NOT_EXEMPT, first.reason());
    }
    return new Verdict(MatchOutcome.INCONCLUSIVE, "住民税の課税状況（" + tax.label() + "）・生活保護の受給状況（"
        + assistance.label() + "）では免除に該当するか判定できません");
  }

  /** What the table decides for a status a staff member confirmed from documents. */
  CoPayDecision decide(CoPayVaccine vaccine, boolean publicAssistance, boolean residentTaxExempt) {
    return coPay.decide(vaccine.name(), publicAssistance, residentTaxExempt);
  }

  /** What a resident who is not exempt pays at the clinic. */
  int regularCoPayYen(CoPayVaccine vaccine) {
    return decide(vaccine, false, false).amountYen();
  }
}
