package jp.lg.immunization.infonetwork;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** 照会許可用照合リスト (R15): the DMN table in processes/query-permit-list.dmn decides. */
@Component
class PermitList {

  record Verdict(boolean permitted, String reason) {}

  static final String DECISION = "QueryPermitList";

  private final DecisionService decisions;

  PermitList(DecisionService decisions) {
    this.decisions = decisions;
  }

  Verdict check(InformationItem item, LegalBasis basis) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Map.of("informationItem", item.name(), "legalBasis", basis.name()))
        .evaluate().getSingleResult();
    return new Verdict(Boolean.TRUE.equals(result.getEntry("permitted")), result.getEntry("reason"));
  }
}
