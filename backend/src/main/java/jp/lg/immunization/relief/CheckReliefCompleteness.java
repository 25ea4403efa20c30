package jp.lg.immunization.relief;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lists the documents the claim still lacks, on the timeline; the process asks the claimant for them. */
@Component("checkReliefCompleteness")
class CheckReliefCompleteness implements JavaDelegate {

  static final String COMPLETE = "documentsComplete";

  private final ReliefClaims claims;
  private final ReliefEvents events;

  CheckReliefCompleteness(ReliefClaims claims, ReliefEvents events) {
    this.claims = claims;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReliefClaim claim = claims.byBusinessKey(execution.getProcessBusinessKey());
    List<DocumentType> missing = claims.documentsMissing(claim);
    events.record(claim.id(), "COMPLETENESS", missing.isEmpty() ? "請求書類がそろっていることを確認"
        : "不足書類: " + missing.stream().map(DocumentType::label).collect(Collectors.joining("・")), ReliefEvents.SYSTEM);
    execution.setVariable(COMPLETE, missing.isEmpty());
  }
}
