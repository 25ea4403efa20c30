package jp.lg.immunization.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** One request (開示・訂正・利用停止請求) as stored: the requester, the identity check, the deadline and the decision (R28). */
record ResidentRequest(long id, Kind kind, Status status, long residentId, String requesterType, String requesterName,
                       String requesterRelation, String requestText, LocalDate receivedOn, String receivedBy,
                       LocalDate dueOn, boolean overdue, String identityDocument, String identityResult,
                       String identityNote, String identityCheckedBy, Instant identityCheckedAt, Decision decision,
                       String decisionReason, String decidedBy, Instant decidedAt, String approvedBy,
                       Instant approvedAt, String noticeText, Instant noticePreparedAt, LocalDate noticeSentOn,
                       int version) {

  /** The kind of request, the law's article on the decision, and the decisions that answer it. */
  enum Kind {
    DISCLOSURE("開示請求", "開示", 82),
    CORRECTION("訂正請求", "訂正", 93),
    SUSPENSION("利用停止請求", "利用停止", 101);

    private final String label;
    private final String subject;
    private final int article;

    Kind(String label, String subject, int article) {
      this.label = label;
      this.subject = subject;
      this.article = article;
    }

    String label() {
      return label;
    }

    /** What is asked for, as the notice names it (開示, 訂正, 利用停止). */
    String subject() {
      return subject;
    }

    /** The article of the personal-information protection law under which the decision is made. */
    int article() {
      return article;
    }

    List<Decision> decisions() {
      return Arrays.stream(Decision.values()).filter(decision -> decision.kind == this).toList();
    }
  }

  enum Decision {
    FULL_DISCLOSURE(Kind.DISCLOSURE, "全部開示", "保有個人情報の開示をする旨の決定通知書"),
    PARTIAL_DISCLOSURE(Kind.DISCLOSURE, "一部開示", "保有個人情報の一部を開示する旨の決定通知書"),
    NON_DISCLOSURE(Kind.DISCLOSURE, "不開示", "保有個人情報の開示をしない旨の決定通知書"),
    CORRECT(Kind.CORRECTION, "訂正する", "保有個人情報の訂正をする旨の決定通知書"),
    NOT_CORRECT(Kind.CORRECTION, "訂正しない", "保有個人情報の訂正をしない旨の決定通知書"),
    SUSPEND(Kind.SUSPENSION, "利用停止する", "保有個人情報の利用停止をする旨の決定通知書"),
    NOT_SUSPEND(Kind.SUSPENSION, "利用停止しない", "保有個人情報の利用停止をしない旨の決定通知書");

    private final Kind kind;
    private final String label;
    private final String noticeTitle;

    Decision(Kind kind, String label, String noticeTitle) {
      this.kind = kind;
      this.label = label;
      this.noticeTitle = noticeTitle;
    }

    Kind kind() {
      return kind;
    }

    String label() {
      return label;
    }

    String noticeTitle() {
      return noticeTitle;
    }

    /** Everything but 全部開示, 訂正する and 利用停止する refuses part or all of the request: the notice says how to appeal. */
    boolean refusesInPart() {
      return this != FULL_DISCLOSURE && this != CORRECT && this != SUSPEND;
    }

    static Optional<Decision> of(String code) {
      return Arrays.stream(values()).filter(decision -> decision.name().equals(code)).findFirst();
    }
  }

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    RECEIVED, IDENTITY_CHECK, RETURNED, DECIDING, AWAITING_APPROVAL, CORRECTING, NOTIFYING, CLOSED;

    private static final Set<Status> ENDED = EnumSet.of(RETURNED, CLOSED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }

    /** Still to be decided: the deadline runs. */
    boolean undecided() {
      return this == RECEIVED || this == IDENTITY_CHECK || this == DECIDING || this == AWAITING_APPROVAL;
    }
  }

  static final String COLUMNS = """
      id, kind, status, resident_id, requester_type, requester_name, requester_relation, request_text, received_on,
      received_by, due_on, overdue, identity_document, identity_result, identity_note, identity_checked_by,
      identity_checked_at, decision, decision_reason, decided_by, decided_at, approved_by, approved_at, notice_text,
      notice_prepared_at, notice_sent_on, version""";

  static ResidentRequest map(ResultSet rs, int n) throws SQLException {
    return new ResidentRequest(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
        Status.valueOf(rs.getString("status")), rs.getLong("resident_id"), rs.getString("requester_type"),
        rs.getString("requester_name"), rs.getString("requester_relation"), rs.getString("request_text"),
        rs.getObject("received_on", LocalDate.class), rs.getString("received_by"),
        rs.getObject("due_on", LocalDate.class), rs.getBoolean("overdue"),
        rs.getString("identity_document"), rs.getString("identity_result"), rs.getString("identity_note"),
        rs.getString("identity_checked_by"), instant(rs, "identity_checked_at"),
        Decision.of(rs.getString("decision")).orElse(null), rs.getString("decision_reason"), rs.getString("decided_by"),
        instant(rs, "decided_at"), rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("notice_text"),
        instant(rs, "notice_prepared_at"), rs.getObject("notice_sent_on", LocalDate.class), rs.getInt("version"));
  }

  static String requesterTypeLabel(String type) {
    return switch (type) {
      case "SELF" -> "本人";
      case "LEGAL_REPRESENTATIVE" -> "法定代理人";
      case "APPOINTED_REPRESENTATIVE" -> "任意代理人";
      default -> type;
    };
  }

  static String identityDocumentLabel(String document) {
    return document == null ? null : switch (document) {
      case "DRIVERS_LICENSE" -> "運転免許証";
      case "MY_NUMBER_CARD" -> "マイナンバーカード";
      case "PASSPORT" -> "旅券";
      case "HEALTH_INSURANCE" -> "健康保険の資格確認書等";
      case "RESIDENCE_CARD" -> "在留カード";
      default -> "その他";
    };
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
