package jp.lg.immunization.infonetwork.provision;

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

/** 情報提供: a request from another agency for this office's data, and how it was answered. */
@Entity
@Table(name = "provision_request")
class ProvisionRequest {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    RECEIVED, IN_REVIEW, AWAITING_APPROVAL, PROVIDED_AUTOMATICALLY, PROVIDED_MANUALLY, REFUSED;

    private static final Set<Status> ENDED = EnumSet.of(PROVIDED_AUTOMATICALLY, PROVIDED_MANUALLY, REFUSED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  /** Why a person has to look at a request before anything is sent. */
  enum ReviewReason {
    NON_DISCLOSURE("不開示設定のある住民（自動応答しない）"),
    NO_AUTO_RESPONSE("自動応答不可の情報"),
    AUTOMATIC_ANSWER_FAILED("自動応答に失敗（手動で提供）");

    private final String label;

    ReviewReason(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String networkRequestId;
  private Long residentId;

  @Enumerated(EnumType.STRING)
  private InformationItem informationItem;

  @Enumerated(EnumType.STRING)
  private LegalBasis legalBasis;

  private String requesterAgency;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  private ReviewReason reviewReason;

  private String manualContent;
  private String reviewedBy;
  private String approvedBy;
  private Instant receivedAt;
  private Instant answeredAt;

  @Version
  private int version;

  protected ProvisionRequest() {}

  ProvisionRequest(String networkRequestId, Long residentId, InformationItem item, LegalBasis basis,
                   String requesterAgency, Instant now) {
    this.networkRequestId = networkRequestId;
    this.residentId = residentId;
    this.informationItem = item;
    this.legalBasis = basis;
    this.requesterAgency = requesterAgency;
    this.status = Status.RECEIVED;
    this.receivedAt = now;
  }

  void needsReview(ReviewReason reason) {
    this.reviewReason = reason;
  }

  void reviewed(String staff, String content) {
    this.reviewedBy = staff;
    this.manualContent = content;
  }

  void approved(String supervisor) {
    this.approvedBy = supervisor;
  }

  void status(Status status) {
    this.status = status;
  }

  void answered(Instant now) {
    if (answeredAt == null) {
      this.answeredAt = now;
    }
  }

  Long id() { return id; }
  String networkRequestId() { return networkRequestId; }
  Long residentId() { return residentId; }
  InformationItem informationItem() { return informationItem; }
  LegalBasis legalBasis() { return legalBasis; }
  String requesterAgency() { return requesterAgency; }
  Status status() { return status; }
  ReviewReason reviewReason() { return reviewReason; }
  String manualContent() { return manualContent; }
  String reviewedBy() { return reviewedBy; }
  String approvedBy() { return approvedBy; }
  Instant receivedAt() { return receivedAt; }
  Instant answeredAt() { return answeredAt; }
}
