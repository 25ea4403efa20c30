package jp.lg.immunization.illness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** One 長期療養特例 as stored: the illness, its period, the doctor's statement, who recorded and who decided it. */
record IllnessException(long id, long residentId, Status status, DiseaseCategory diseaseCategory, String diseaseName,
                        LocalDate illnessFrom, LocalDate illnessTo, StatementKind statementKind,
                        LocalDate statementReceivedOn, String statementInstitution, String statementDoctor, String note,
                        String recordedBy, Instant recordedAt, String revisedBy, String decisionReason,
                        String decidedBy, Instant decidedAt, String revocationReason, String revocationProposedBy,
                        String revokedBy, int version) {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    AWAITING_APPROVAL, SENT_BACK, IN_FORCE, REJECTED, WITHDRAWN,
    /** A revocation is proposed; the extensions stay in force until a supervisor approves it. */
    REVOCATION_PENDING,
    REVOKED;

    private static final Set<Status> ENDED = EnumSet.of(IN_FORCE, REJECTED, WITHDRAWN, REVOKED);

    /** In force is the end of the process: the case is done and eligibility honours it. */
    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  /**
   * The kinds of illness 施行規則 names for the special case; the category is what the office needs, the doctor's
   * statement holds the diagnosis.
   */
  enum DiseaseCategory {
    IMMUNE_DISORDER("免疫の機能に支障を生じさせる重篤な疾病（重症複合免疫不全症、無ガンマグロブリン血症など）"),
    IMMUNOSUPPRESSIVE_TREATMENT("免疫の機能を抑制する治療を必要とする重篤な疾病（白血病、再生不良性貧血、ネフローゼ症候群など）"),
    EQUIVALENT("上記に準ずると認められるもの（臓器の移植後の免疫抑制治療など）");

    private final String label;

    DiseaseCategory(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum StatementKind {
    OPINION("医師の意見書"),
    CERTIFICATE("診断書");

    private final String label;

    StatementKind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final String COLUMNS = """
      id, resident_id, status, disease_category, disease_name, illness_from, illness_to, statement_kind,
      statement_received_on, statement_institution, statement_doctor, note, recorded_by, recorded_at, revised_by,
      decision_reason, decided_by, decided_at, revocation_reason, revocation_proposed_by, revoked_by, version""";

  static IllnessException map(ResultSet rs, int n) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new IllnessException(rs.getLong("id"), rs.getLong("resident_id"), Status.valueOf(rs.getString("status")),
        DiseaseCategory.valueOf(rs.getString("disease_category")), rs.getString("disease_name"),
        rs.getObject("illness_from", LocalDate.class), rs.getObject("illness_to", LocalDate.class),
        StatementKind.valueOf(rs.getString("statement_kind")), rs.getObject("statement_received_on", LocalDate.class),
        rs.getString("statement_institution"), rs.getString("statement_doctor"), rs.getString("note"),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("revised_by"),
        rs.getString("decision_reason"), rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(), rs.getString("revocation_reason"),
        rs.getString("revocation_proposed_by"), rs.getString("revoked_by"), rs.getInt("version"));
  }
}
