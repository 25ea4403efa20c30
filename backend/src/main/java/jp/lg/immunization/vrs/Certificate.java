package jp.lg.immunization.vrs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/**
 * One application for a 新型コロナウイルス感染症予防接種証明書 as stored: whose, how it came, the 旅券関係情報 of an
 * overseas certificate, who checked it, and the 証明書ID and 発行年月日 once issued.
 */
record Certificate(long id, long residentId, Channel channel, String applicationNumber, Kind kind, String romajiName,
                   String formerName, String nationality, String passportNumber, Status status, Instant receivedAt,
                   String receivedBy, String identityDocument, String checkedBy, String decisionReason,
                   String certificateNumber, LocalDate issuedOn) {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    CHECKING, ISSUED, REJECTED;

    private static final Set<Status> ENDED = EnumSet.of(ISSUED, REJECTED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  enum Channel { COUNTER, ELECTRONIC }

  /** 日本国内用 needs no passport; 海外用 carries the passport's items (national format). */
  enum Kind {
    DOMESTIC("日本国内用"), OVERSEAS("海外用");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final String COLUMNS = """
      id, resident_id, channel, application_number, kind, romaji_name, former_name, nationality, passport_number,
      status, received_at, received_by, identity_document, checked_by, decision_reason, certificate_number, issued_on""";

  static Certificate map(ResultSet rs, int n) throws SQLException {
    return new Certificate(rs.getLong("id"), rs.getLong("resident_id"), Channel.valueOf(rs.getString("channel")),
        rs.getString("application_number"), Kind.valueOf(rs.getString("kind")), rs.getString("romaji_name"),
        rs.getString("former_name"), rs.getString("nationality"), rs.getString("passport_number"),
        Status.valueOf(rs.getString("status")), rs.getTimestamp("received_at").toInstant(),
        rs.getString("received_by"), rs.getString("identity_document"), rs.getString("checked_by"),
        rs.getString("decision_reason"), rs.getString("certificate_number"),
        rs.getObject("issued_on", LocalDate.class));
  }
}
