package jp.lg.immunization.relief;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** One relief claim as stored: every step's date and outcome sits on it (R33). */
record ReliefClaim(long id, Status status, long residentId, String claimantRelation, String claimantName,
                   String vaccinationClass, String vaccine, LocalDate vaccinatedOn, Long doseRecordId,
                   LocalDate receivedOn, String receivedBy, LocalDate medicalPaidOn, LocalDate deathOn,
                   boolean benefitsPaidBefore, boolean late, String lateAcceptedBy, String lateReason, String note,
                   LocalDate committeeMeetingOn, String committeeOpinion, String committeeSummary,
                   LocalDate forwardedOn, String ministryRequestId, String ministryOutcome, LocalDate ministryDecidedOn,
                   String municipalDecision, String decisionReason, Integer oneOffAmountYen, Integer periodicAmountYen,
                   LocalDate entitlementEndsOn, String decidedBy, Instant decidedAt, String approvedBy,
                   Instant approvedAt, String noticeText, Instant notifiedAt, LocalDate appealFiledOn,
                   String appealOutcome, int version) {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    RECEIVED, LATE_REVIEW, DOCUMENTS_MISSING, COMMITTEE, AWAITING_MINISTRY, DECIDING, AWAITING_APPROVAL, PAYING,
    PAID, ENTITLEMENT_ENDED, NOT_PAID, APPEALED, REFUSED_LATE, CLOSED;

    private static final Set<Status> ENDED = EnumSet.of(PAID, ENTITLEMENT_ENDED, REFUSED_LATE, CLOSED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  static final String COLUMNS = """
      id, status, resident_id, claimant_relation, claimant_name, vaccination_class, vaccine, vaccinated_on,
      dose_record_id, received_on, received_by, medical_paid_on, death_on, benefits_paid_before, late,
      late_accepted_by, late_reason, note, committee_meeting_on, committee_opinion, committee_summary, forwarded_on,
      ministry_request_id,      ministry_outcome, ministry_decided_on, municipal_decision, decision_reason, one_off_amount_yen,
      periodic_amount_yen, entitlement_ends_on, decided_by, decided_at, approved_by, approved_at, notice_text,
      notified_at, appeal_filed_on, appeal_outcome, version""";

  static ReliefClaim map(ResultSet rs, int n) throws SQLException {
    return new ReliefClaim(rs.getLong("id"), Status.valueOf(rs.getString("status")), rs.getLong("resident_id"),
        rs.getString("claimant_relation"), rs.getString("claimant_name"), rs.getString("vaccination_class"),
        rs.getString("vaccine"), date(rs, "vaccinated_on"), (Long) rs.getObject("dose_record_id", Long.class),
        date(rs, "received_on"), rs.getString("received_by"), date(rs, "medical_paid_on"), date(rs, "death_on"),
        rs.getBoolean("benefits_paid_before"), rs.getBoolean("late"), rs.getString("late_accepted_by"),
        rs.getString("late_reason"), rs.getString("note"), date(rs, "committee_meeting_on"),
        rs.getString("committee_opinion"), rs.getString("committee_summary"), date(rs, "forwarded_on"), rs.getString("ministry_request_id"),
        rs.getString("ministry_outcome"), date(rs, "ministry_decided_on"), rs.getString("municipal_decision"),
        rs.getString("decision_reason"), rs.getObject("one_off_amount_yen", Integer.class),
        rs.getObject("periodic_amount_yen", Integer.class), date(rs, "entitlement_ends_on"), rs.getString("decided_by"),
        instant(rs, "decided_at"), rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("notice_text"),
        instant(rs, "notified_at"), date(rs, "appeal_filed_on"), rs.getString("appeal_outcome"), rs.getInt("version"));
  }

  boolean recognisedAndApprovedToPay() {
    return "RECOGNISED".equals(ministryOutcome) && "PAY".equals(municipalDecision) && approvedAt != null;
  }

  static String relationLabel(String relation) {
    return switch (relation) {
      case "SELF" -> "本人";
      case "GUARDIAN" -> "保護者";
      case "BEREAVED" -> "遺族";
      default -> relation;
    };
  }

  static String opinionLabel(String opinion) {
    return opinion == null ? null : switch (opinion) {
      case "CAUSAL" -> "予防接種との因果関係が考えられる";
      case "NOT_CAUSAL" -> "因果関係は考えにくい";
      default -> "判断できない";
    };
  }

  static String ministryLabel(String outcome) {
    return outcome == null ? null : "RECOGNISED".equals(outcome) ? "認定" : "否認";
  }

  static String decisionLabel(String decision) {
    return decision == null ? null : "PAY".equals(decision) ? "支給" : "不支給";
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
