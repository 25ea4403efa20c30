package jp.lg.immunization.relief;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives the Minister's decision (認定 / 否認) through the prefecture: records it on the claim (R33) and wakes the
 * waiting process with the outcome only. A second delivery, or an answer to an earlier forwarding, changes nothing.
 */
@Service
class MinistryDecisions {

  static final String MESSAGE = "ReliefMinistryDecision";
  static final String OUTCOME = "ministryOutcome";

  private final JdbcTemplate jdbc;
  private final ReliefClaims claims;
  private final ReliefEvents events;
  private final AuditTrail audit;
  private final RuntimeService runtime;
  private final ReliefSettings settings;
  private final Clock clock;

  MinistryDecisions(JdbcTemplate jdbc, ReliefClaims claims, ReliefEvents events, AuditTrail audit,
                    RuntimeService runtime, ReliefSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.events = events;
    this.audit = audit;
    this.runtime = runtime;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional
  public void accept(String requestId, String outcome, LocalDate decidedOn) {
    if (!"RECOGNISED".equals(outcome) && !"DENIED".equals(outcome)) {
      throw new IllegalArgumentException("Unknown Ministry outcome " + outcome);
    }
    Long claimId = jdbc.query("select id from relief_claim where ministry_request_id = ? and ministry_outcome is null for update",
        (rs, n) -> rs.getLong(1), requestId).stream().findFirst().orElse(null);
    if (claimId == null) {
      return;
    }
    jdbc.update("update relief_claim set ministry_outcome = ?, ministry_decided_on = ?, version = version + 1 where id = ?",
        outcome, Date.valueOf(decidedOn), claimId);
    events.record(claimId, "MINISTRY_DECISION", "厚生労働省の通知（" + jp.lg.immunization.platform.JapaneseDates.format(decidedOn)
        + "、受付番号 " + requestId + "）: " + ReliefClaim.ministryLabel(outcome), ReliefEvents.SYSTEM);
    audit.record(AuditOperation.RELIEF_CLAIM_UPDATED, claims.byId(claimId).residentId(),
        "claim=" + claimId + " ministry=" + outcome);
    runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(String.valueOf(claimId))
        .setVariable(OUTCOME, outcome).setVariables(settings.decisionDue(LocalDate.now(clock)))
        .correlateAllWithResult();
  }
}
