package jp.lg.immunization.infonetwork;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The permit lists as DMN tables in processes/: what this affair may ask others (照会許可用照合リスト,
 * R15) and what it may provide, and whether automatically (R17).
 */
@Component
public class PermitList {

  public record Verdict(boolean permitted, boolean autoResponse, String reason) {}

  private final DecisionService decisions;

  PermitList(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Verdict query(InformationItem item, LegalBasis basis) {
    return evaluate("QueryPermitList", item, basis);
  }

  public Verdict provision(InformationItem item, LegalBasis basis) {
    return evaluate("ProvisionPermitList", item, basis);
  }

  private Verdict evaluate(String decision, InformationItem item, LegalBasis basis) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(decision)
        .variables(Map.of("informationItem", item.name(), "legalBasis", basis.name()))
        .evaluate().getSingleResult();
    Map<String, Object> entries = result.getEntryMap();
    return new Verdict(Boolean.TRUE.equals(entries.get("permitted")), Boolean.TRUE.equals(entries.get("autoResponse")),
        (String) entries.get("reason"));
  }
}
