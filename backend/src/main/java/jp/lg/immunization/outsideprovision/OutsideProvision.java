package jp.lg.immunization.outsideprovision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** One provision outside the network as stored: what, to whom, why, how, who recorded, confirmed and sent it. */
record OutsideProvision(long id, long residentId, Status status, RecipientKind recipientKind, String recipientName,
                        String recipientContact, Method method, String content, String purpose, String legalBasis,
                        String recordedBy, Instant recordedAt, String revisedBy, String decisionReason,
                        String confirmedBy, Instant confirmedAt, LocalDate sentOn, String sentBy, Instant sentAt,
                        String sendNote) {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    AWAITING_CONFIRMATION, SENT_BACK, CONFIRMED, SENT, REJECTED, WITHDRAWN;

    private static final Set<Status> ENDED = EnumSet.of(SENT, REJECTED, WITHDRAWN);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  enum RecipientKind {
    MUNICIPALITY("他の市区町村"),
    PREFECTURE("都道府県"),
    OTHER("その他の機関");

    private final String label;

    RecipientKind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The methods the assessment lists for provision outside the network (⑥提供方法). */
  enum Method {
    PAPER("紙"),
    MEDIUM("電子記録媒体"),
    EMAIL("電子メール");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final String COLUMNS = """
      id, resident_id, status, recipient_kind, recipient_name, recipient_contact, method, content, purpose, legal_basis,
      recorded_by, recorded_at, revised_by, decision_reason, confirmed_by, confirmed_at, sent_on, sent_by, sent_at,
      send_note""";

  static OutsideProvision map(ResultSet rs, int n) throws SQLException {
    return new OutsideProvision(rs.getLong("id"), rs.getLong("resident_id"), Status.valueOf(rs.getString("status")),
        RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient_name"),
        rs.getString("recipient_contact"), Method.valueOf(rs.getString("method")), rs.getString("content"),
        rs.getString("purpose"), rs.getString("legal_basis"), rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant(), rs.getString("revised_by"), rs.getString("decision_reason"),
        rs.getString("confirmed_by"), instant(rs.getTimestamp("confirmed_at")),
        rs.getObject("sent_on", LocalDate.class), rs.getString("sent_by"), instant(rs.getTimestamp("sent_at")),
        rs.getString("send_note"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
