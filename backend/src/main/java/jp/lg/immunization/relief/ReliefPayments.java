package jp.lg.immunization.relief;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments of approved claims (R33): scheduled only after the Ministry's recognition and the approved decision to
 * pay (the database refuses any other), gathered into payment runs that a supervisor approves in bulk.
 */
@Service
class ReliefPayments {

  static final String RUN_PROCESS_KEY = "ReliefPaymentRun";

  record Payment(long id, long claimId, String kind, int periodNo, LocalDate dueOn, int amountYen, String status,
                 Long runId, LocalDate paidOn) {}

  record Run(long id, String status, LocalDate dueBy, String preparedBy, Instant preparedAt, String approvedBy,
             Instant approvedAt, int paymentCount, long totalYen, int version) {}

  private final JdbcTemplate jdbc;
  private final ReliefClaims claims;
  private final ReliefEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ReliefPayments(JdbcTemplate jdbc, ReliefClaims claims, ReliefEvents events, CurrentUser currentUser, AuditTrail audit,
                 Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The first due date of a claim's payments: the day its decision to pay was approved. */
  private static LocalDate firstDue(ReliefClaim claim, Clock clock) {
    return LocalDate.ofInstant(claim.approvedAt(), clock.getZone());
  }

  private static void requirePayable(ReliefClaim claim) {
    if (!claim.recognisedAndApprovedToPay()) {
      throw new IllegalStateException("Relief claim " + claim.id()
          + " is not recognised by the Ministry with an approved decision to pay");
    }
  }

  /** Schedules the one-off benefits once; true when the claim also has pensions or allowances to pay. */
  boolean scheduleOneOff(long claimId) {
    ReliefClaim claim = claims.byId(claimId);
    requirePayable(claim);
    List<BenefitType> benefits = claims.benefitsOf(claimId);
    int amount = Objects.requireNonNullElse(claim.oneOffAmountYen(), 0);
    if (amount > 0 && insert(claim, "ONE_OFF", 0, firstDue(claim, clock), amount)) {
      events.record(claimId, "PAYMENT_SCHEDULED", "一時金等の支払予定を記録: " + String.format("%,d", amount) + "円（"
          + benefits.stream().filter(b -> b.kind() == BenefitType.Kind.ONE_OFF).map(BenefitType::label)
          .reduce((a, b) -> a + "・" + b).orElse("") + "）", ReliefEvents.SYSTEM);
    }
    return benefits.stream().anyMatch(b -> b.kind() == BenefitType.Kind.PERIODIC)
        && Objects.requireNonNullElse(claim.periodicAmountYen(), 0) > 0;
  }

  /**
   * Schedules period {@code periodNo} of the pension or allowance, unless the entitlement has ended (終期 passed, or
   * revised to nothing); returns whether a next period follows. The amount and the end are read at each period, so
   * that a revision applies from the next period on.
   */
  boolean schedulePeriod(long claimId, int periodNo, Period interval) {
    ReliefClaim claim = claims.byId(claimId);
    requirePayable(claim);
    LocalDate due = firstDue(claim, clock).plus(interval.multipliedBy(periodNo));
    int amount = Objects.requireNonNullElse(claim.periodicAmountYen(), 0);
    if (!entitled(claim, due) || amount <= 0) {
      return false;
    }
    if (insert(claim, "PERIODIC", periodNo, due, amount)) {
      events.record(claimId, "PAYMENT_SCHEDULED", "年金・手当 第" + (periodNo + 1) + "期の支払予定を記録: "
          + String.format("%,d", amount) + "円（支払期 " + JapaneseDates.format(due) + "）", ReliefEvents.SYSTEM);
    }
    return entitled(claim, firstDue(claim, clock).plus(interval.multipliedBy(periodNo + 1)));
  }

  private static boolean entitled(ReliefClaim claim, LocalDate due) {
    return claim.entitlementEndsOn() == null || !due.isAfter(claim.entitlementEndsOn());
  }

  private boolean insert(ReliefClaim claim, String kind, int periodNo, LocalDate due, int amount) {
    return jdbc.update("""
        insert into relief_payment (claim_id, kind, period_no, due_on, amount_yen, status, scheduled_at)
        values (?, ?, ?, ?, ?, 'SCHEDULED', ?) on conflict (claim_id, kind, period_no) do nothing""",
        claim.id(), kind, periodNo, Date.valueOf(due), amount, Timestamp.from(Instant.now(clock))) == 1;
  }

  List<Payment> ofClaim(long claimId) {
    return payments("claim_id = ?", claimId);
  }

  List<Payment> ofRun(long runId) {
    return payments("run_id = ?", runId);
  }

  List<Payment> scheduled() {
    return payments("status = 'SCHEDULED'");
  }

  private List<Payment> payments(String condition, Object... args) {
    return jdbc.query("select id, claim_id, kind, period_no, due_on, amount_yen, status, run_id, paid_on from relief_payment"
        + " where " + condition + " order by due_on, id", (rs, n) -> new Payment(rs.getLong(1), rs.getLong(2),
        rs.getString(3), rs.getInt(4), rs.getDate(5).toLocalDate(), rs.getInt(6), rs.getString(7),
        rs.getObject(8, Long.class), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate()), args);
  }

  // ------------------------------------------------------------------------------------------------ runs

  /** Gathers every scheduled payment due by then into a run awaiting a supervisor's approval. */
  @Transactional
  Run prepareRun(LocalDate dueBy) {
    List<Long> ids = jdbc.queryForList("""
        select id from relief_payment where status = 'SCHEDULED' and due_on <= ? order by id for update""",
        Long.class, Date.valueOf(dueBy));
    if (ids.isEmpty()) {
      throw ApiException.invalid("まとめる支払予定がありません", Map.of("dueBy",
          JapaneseDates.format(dueBy) + "までに支払期が来る支払予定はありません"));
    }
    long total = jdbc.queryForObject("select sum(amount_yen) from relief_payment where id = any(?)", Long.class,
        (Object) ids.toArray(Long[]::new));
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    String user = currentUser.get().username();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into relief_payment_run (status, due_by, prepared_by, prepared_at, payment_count, total_yen)
          values ('AWAITING_APPROVAL', ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setDate(1, Date.valueOf(dueBy));
      statement.setString(2, user);
      statement.setTimestamp(3, Timestamp.from(Instant.now(clock)));
      statement.setInt(4, ids.size());
      statement.setLong(5, total);
      return statement;
    }, key);
    long runId = Objects.requireNonNull(key.getKey()).longValue();
    jdbc.update("update relief_payment set status = 'IN_RUN', run_id = ?, version = version + 1 where id = any(?)",
        runId, ids.toArray(Long[]::new));
    audit.record(AuditOperation.RELIEF_PAYMENT, null, "run=" + runId + " prepared payments=" + ids.size());
    return run(runId);
  }

  Run run(long id) {
    return jdbc.query("""
        select id, status, due_by, prepared_by, prepared_at, approved_by, approved_at, payment_count, total_yen, version
        from relief_payment_run where id = ?""", (rs, n) -> new Run(rs.getLong(1), rs.getString(2),
        rs.getDate(3).toLocalDate(), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getLong(9), rs.getInt(10)),
        id).stream().findFirst().orElseThrow(() -> ApiException.notFound("支払処理が見つかりません"));
  }

  @Transactional
  void decideRun(String businessKey, String approval, String reason) {
    Run run = run(Long.parseLong(businessKey));
    String user = currentUser.get().username();
    jdbc.update("update relief_payment_run set status = ?, approved_by = ?, approved_at = ?, version = version + 1 where id = ?",
        "APPROVE".equals(approval) ? "APPROVED" : "REJECTED", user, Timestamp.from(Instant.now(clock)), run.id());
    audit.record(AuditOperation.RELIEF_PAYMENT, null, "run=" + run.id() + " " + approval
        + (reason == null ? "" : " reason=" + reason));
  }

  /** Marks the run's payments paid, each on its claim's timeline. A second run of the job finds nothing left to mark. */
  void markPaid(long runId) {
    LocalDate today = LocalDate.now(clock);
    for (Payment payment : ofRun(runId)) {
      if (!"IN_RUN".equals(payment.status())) {
        continue;
      }
      jdbc.update("update relief_payment set status = 'PAID', paid_on = ?, version = version + 1 where id = ?",
          Date.valueOf(today), payment.id());
      events.record(payment.claimId(), "PAID", ("ONE_OFF".equals(payment.kind()) ? "一時金等" : "年金・手当 第"
          + (payment.periodNo() + 1) + "期") + " " + String.format("%,d", payment.amountYen()) + "円を支払（支払処理 #"
          + runId + "、承認: " + run(runId).approvedBy() + "）", ReliefEvents.SYSTEM);
    }
  }

  void release(long runId) {
    jdbc.update("update relief_payment set status = 'SCHEDULED', run_id = null, version = version + 1 where run_id = ? and status = 'IN_RUN'",
        runId);
  }
}
