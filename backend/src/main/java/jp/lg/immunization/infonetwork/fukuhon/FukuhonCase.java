package jp.lg.immunization.infonetwork.fukuhon;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.workflow.CaseStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registration or a correction of a resident's 副本, from request to what the network holds. */
@Entity
@Table(name = "fukuhon_case")
class FukuhonCase {

  enum Kind { REGISTRATION, CORRECTION }

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    CHECKING, DOUBLE_CHECKING, AWAITING_APPROVAL, REGISTERED, CANCELLED, REJECTED;

    private static final Set<Status> ENDED = EnumSet.of(REGISTERED, CANCELLED, REJECTED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private long residentId;

  @Enumerated(EnumType.STRING)
  private InformationItem informationItem;

  private String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  private String proposedContent;

  @JdbcTypeCode(SqlTypes.JSON)
  private String previousContent;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String requestedBy;
  private Instant requestedAt;
  private String approvedBy;
  private Instant approvedAt;
  private Instant registeredAt;

  @Version
  private int version;

  protected FukuhonCase() {}

  FukuhonCase(Kind kind, long residentId, InformationItem item, String reason, String proposedContent,
              String previousContent, String requestedBy, Instant now) {
    this.kind = kind;
    this.residentId = residentId;
    this.informationItem = item;
    this.reason = reason;
    this.proposedContent = proposedContent;
    this.previousContent = previousContent;
    this.status = kind == Kind.REGISTRATION ? Status.CHECKING : Status.AWAITING_APPROVAL;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
  }

  void approve(String supervisor, Instant now) {
    this.approvedBy = supervisor;
    this.approvedAt = now;
  }

  void registered(Instant now) {
    this.registeredAt = now;
    this.status = Status.REGISTERED;
  }

  void status(Status status) {
    this.status = status;
  }

  Long id() { return id; }
  Kind kind() { return kind; }
  long residentId() { return residentId; }
  InformationItem informationItem() { return informationItem; }
  String reason() { return reason; }
  String proposedContent() { return proposedContent; }
  String previousContent() { return previousContent; }
  Status status() { return status; }
  String requestedBy() { return requestedBy; }
  String approvedBy() { return approvedBy; }
  Instant registeredAt() { return registeredAt; }
}
