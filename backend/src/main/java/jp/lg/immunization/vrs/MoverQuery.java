package jp.lg.immunization.vrs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** One 転入者の接種記録照会 as stored: whom it is about, where it asks, who asked, approved and checked it. */
record MoverQuery(long id, long residentId, String formerMunicipalityCode, Status status, String requestedBy,
                  Instant requestedAt, String revisedBy, String approvedBy, String decisionReason, int attempt,
                  Instant sentAt, Outcome outcome, String checkedBy, String closedReason, int version) {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    AWAITING_APPROVAL, SENT, CHECKING, NO_MATCH, RECORDED, REJECTED, CLOSED;

    private static final Set<Status> ENDED = EnumSet.of(RECORDED, REJECTED, CLOSED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  enum Outcome { FOUND, NOT_FOUND }

  /** The document the resident signed to consent (新接種券発行申請書兼接種記録確認同意書 or the consent form alone). */
  enum ConsentDocument {
    TICKET_APPLICATION("新接種券発行申請書兼接種記録確認同意書"),
    RECORD_CHECK_CONSENT("接種記録確認同意書");

    private final String label;

    ConsentDocument(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The documents 番号法第16条 accepts for the identity check at the counter. */
  enum IdentityDocument {
    MY_NUMBER_CARD("マイナンバーカード（個人番号カード）"),
    DRIVERS_LICENSE("運転免許証"),
    PASSPORT("旅券"),
    RESIDENCE_CARD("在留カード"),
    TWO_DOCUMENTS("健康保険証など2点");

    private final String label;

    IdentityDocument(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final String COLUMNS = """
      id, resident_id, former_municipality_code, status, requested_by, requested_at, revised_by, approved_by,
      decision_reason, attempt, sent_at, outcome, checked_by, closed_reason, version""";

  static MoverQuery map(ResultSet rs, int n) throws SQLException {
    Timestamp sentAt = rs.getTimestamp("sent_at");
    String outcome = rs.getString("outcome");
    return new MoverQuery(rs.getLong("id"), rs.getLong("resident_id"), rs.getString("former_municipality_code"),
        Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getString("revised_by"), rs.getString("approved_by"),
        rs.getString("decision_reason"), rs.getInt("attempt"), sentAt == null ? null : sentAt.toInstant(),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getString("checked_by"), rs.getString("closed_reason"),
        rs.getInt("version"));
  }

  String requestId() {
    return "vrs-mover-" + id + "-" + attempt;
  }
}
