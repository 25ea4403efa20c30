package jp.lg.immunization.relief;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Reads processes/relief-benefits.dmn: which benefits a claim for an A- or B-class vaccination can ask for. */
@Component
class ReliefBenefitRules {

  static final String DECISION = "ReliefBenefits";

  private final DecisionService decisions;

  ReliefBenefitRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The possible benefits in the table's order, each with its condition or deadline as the table says it. */
  Map<BenefitType, String> possible(String vaccinationClass) {
    Map<BenefitType, String> possible = new LinkedHashMap<>();
    decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("vaccinationClass", vaccinationClass))
        .forEach(row -> possible.put(BenefitType.valueOf((String) row.get("benefitType")), (String) row.get("condition")));
    return possible;
  }
}
