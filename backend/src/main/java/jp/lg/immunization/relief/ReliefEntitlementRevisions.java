package jp.lg.immunization.relief;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revisions of a paying claim's entitlement (額の改定・終期) as a four-eyes step: staff propose, and the revision takes
 * effect only when a supervisor who did not propose it (nor work on the claim otherwise) approves it in the process
 * {@value #PROCESS_KEY}. Whoever proposed or approved the terms a claim is paid on has touched its entitlement, so
 * the payment run that pays it refuses them as approver ({@link PaymentRunActors}).
 */
@Service
class ReliefEntitlementRevisions implements CaseContextProvider {

  static final String PROCESS_KEY = "ReliefEntitlementRevision";

  record Revision(long id, long claimId, int claimVersion, int periodicAmountYen, LocalDate entitlementEndsOn,
                  String reason, String proposedBy, Instant proposedAt, String status) {}

  private final JdbcTemplate jdbc;
  private final ReliefClaims claims;
  private final ReliefEvents events;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final Clock clock;

  ReliefEntitlementRevisions(JdbcTemplate jdbc, ReliefClaims claims, ReliefEvents events, RuntimeService runtime,
                             CurrentUser currentUser, UserDirectory users, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.events = events;
    this.runtime = runtime;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** Proposes the revision and starts its approval; nothing about the claim's payments changes yet. */
  @Transactional
  long propose(long claimId, int version, int periodicAmountYen, LocalDate endsOn, String reason) {
    ReliefClaim claim = claims.requireRevisable(claimId, version);
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(connection -> {
        var statement = connection.prepareStatement("""
            insert into relief_entitlement_revision (claim_id, claim_version, periodic_amount_yen, entitlement_ends_on,
                                                     reason, proposed_by, proposed_at)
            values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
        statement.setLong(1, claimId);
        statement.setInt(2, version);
        statement.setInt(3, periodicAmountYen);
        statement.setDate(4, endsOn == null ? null : Date.valueOf(endsOn));
        statement.setString(5, reason);
        statement.setString(6, user);
        statement.setTimestamp(7, Timestamp.from(Instant.now(clock)));
        return statement;
      }, key);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("revision_pending", "この請求には承認待ちの改定があります。その承認・却下の後に提案してください");
    }
    long id = Objects.requireNonNull(key.getKey()).longValue();
    Map<String, Object> variables = new HashMap<>(CaseStarter.StartedCase.of(id, claim.residentId()).variables());
    variables.put(CaseStarter.STARTED_BY, user);
    runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables);
    events.record(claimId, "ENTITLEMENT_REVISION_PROPOSED", "受給権の改定の提案: 各期 " + periodicAmountYen + "円"
        + (endsOn == null ? "" : "、終期 " + JapaneseDates.format(endsOn)) + "（上長の承認待ち）", user);
    audit.record(AuditOperation.RELIEF_CLAIM_UPDATED, claim.residentId(), "claim=" + claimId + " revision=" + id
        + " entitlement revision proposed");
    return id;
  }

  /** The supervisor's decision, in the completion of the approval step. */
  void decide(String businessKey, String approval, String decisionReason) {
    Revision revision = byId(Long.parseLong(businessKey));
    if (!"PROPOSED".equals(revision.status())) {
      throw ApiException.conflict("revision_decided", "この改定は既に承認または却下されています");
    }
    boolean approved = "APPROVE".equals(approval);
    if (approved) {
      claims.reviseEntitlement(revision.claimId(), revision.claimVersion(), revision.periodicAmountYen(),
          revision.entitlementEndsOn(), revision.reason(), revision.proposedBy());
    } else {
      events.record(revision.claimId(), "ENTITLEMENT_REVISION_REJECTED", "受給権の改定の却下"
          + (decisionReason == null || decisionReason.isBlank() ? "" : ": " + decisionReason.strip()),
          currentUser.get().username());
    }
    jdbc.update("""
        update relief_entitlement_revision set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
        where id = ?""", approved ? "APPROVED" : "REJECTED", currentUser.get().username(),
        Timestamp.from(Instant.now(clock)), decisionReason, revision.id());
  }

  /**
   * Who set the terms these claims are paid on: the proposer and approver of each claim's latest approved revision,
   * and the proposer of an open one.
   */
  Set<String> touchedEntitlements(List<Long> claimIds) {
    return jdbc.queryForList("""
        select proposed_by, decided_by from relief_entitlement_revision r
        where claim_id = any(?) and (status = 'PROPOSED' or (status = 'APPROVED' and not exists (
          select 1 from relief_entitlement_revision later
          where later.claim_id = r.claim_id and later.status = 'APPROVED' and later.decided_at > r.decided_at)))""",
        (Object) claimIds.toArray(Long[]::new)).stream()
        .flatMap(row -> row.values().stream()).filter(Objects::nonNull).map(String::valueOf)
        .collect(Collectors.toSet());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    Revision revision = byId(Long.parseLong(businessKey));
    ReliefClaim claim = claims.byId(revision.claimId());
    return new CaseContext("受給権の改定 #" + revision.id(), List.of(new CaseContext.Section("改定の内容", List.of(
        new CaseContext.Row("請求", "救済請求 #" + claim.id(), "/relief/" + claim.id()),
        new CaseContext.Row("現在の各期の額", claim.periodicAmountYen() == null ? "なし"
            : String.format("%,d円", claim.periodicAmountYen())),
        new CaseContext.Row("改定後の各期の額", String.format("%,d円", revision.periodicAmountYen())),
        new CaseContext.Row("改定後の終期", revision.entitlementEndsOn() == null ? "なし"
            : JapaneseDates.format(revision.entitlementEndsOn())),
        new CaseContext.Row("理由", revision.reason()),
        new CaseContext.Row("提案者", users.displayName(revision.proposedBy()) + "（"
            + JapaneseDates.format(revision.proposedAt()) + "）")))));
  }

  private Revision byId(long id) {
    return jdbc.query("""
        select id, claim_id, claim_version, periodic_amount_yen, entitlement_ends_on, reason, proposed_by, proposed_at,
               status
        from relief_entitlement_revision where id = ?""", (rs, n) -> new Revision(rs.getLong(1), rs.getLong(2),
        rs.getInt(3), rs.getInt(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6),
        rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)), id)
        .stream().findFirst().orElseThrow(() -> ApiException.notFound("受給権の改定が見つかりません"));
  }
}
