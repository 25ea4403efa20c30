package jp.lg.immunization.infonetwork.query;

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
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.workflow.CaseStatus;

/** 情報照会: one query to another agency, from request to the checked result. */
@Entity
@Table(name = "information_query")
class InformationQuery {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    AWAITING_APPROVAL, REJECTED, SENDING, AWAITING_ANSWER, CHECKING, DOUBLE_CHECKING, COMPLETED, WITHDRAWN,
    REFUSED_BY_NETWORK, TIMED_OUT, DISCARDED;

    private static final Set<Status> ENDED = EnumSet.of(COMPLETED, WITHDRAWN, REFUSED_BY_NETWORK, TIMED_OUT, DISCARDED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long residentId;

  @Enumerated(EnumType.STRING)
  private InformationItem informationItem;

  @Enumerated(EnumType.STRING)
  private LegalBasis legalBasis;

  private String purpose;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int revision;
  private String requestedBy;
  private Instant requestedAt;
  private String approvedBy;
  private Instant approvedAt;
  private Instant sentAt;
  private Instant answeredAt;
  private Instant endedAt;

  @Version
  private int version;

  protected InformationQuery() {}

  InformationQuery(long residentId, InformationItem item, LegalBasis basis, String purpose, String requestedBy,
                   Instant now) {
    this.residentId = residentId;
    this.informationItem = item;
    this.legalBasis = basis;
    this.purpose = purpose;
    this.status = Status.AWAITING_APPROVAL;
    this.revision = 1;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
  }

  void revise(InformationItem item, LegalBasis basis, String purpose) {
    this.informationItem = item;
    this.legalBasis = basis;
    this.purpose = purpose;
    this.revision++;
  }

  void approve(String supervisor, Instant now) {
    this.approvedBy = supervisor;
    this.approvedAt = now;
  }

  void sent(Instant now) {
    if (sentAt == null) {
      this.sentAt = now;
    }
  }

  void answered(Instant now) {
    this.answeredAt = now;
  }

  void status(Status status, Instant now) {
    this.status = status;
    if (status.ended() && endedAt == null) {
      this.endedAt = now;
    }
  }

  Long id() { return id; }
  long residentId() { return residentId; }
  InformationItem informationItem() { return informationItem; }
  LegalBasis legalBasis() { return legalBasis; }
  String purpose() { return purpose; }
  Status status() { return status; }
  int revision() { return revision; }
  String requestedBy() { return requestedBy; }
  Instant requestedAt() { return requestedAt; }
  String approvedBy() { return approvedBy; }
  Instant approvedAt() { return approvedAt; }
  Instant sentAt() { return sentAt; }
  Instant answeredAt() { return answeredAt; }
  Instant endedAt() { return endedAt; }
}
