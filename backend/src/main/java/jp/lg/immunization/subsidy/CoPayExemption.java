package jp.lg.immunization.subsidy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseStatus;

/** 自己負担金免除申請: one application, from receipt to the decision that was notified. */
@Entity
@Table(name = "copay_exemption")
class CoPayExemption {

  enum Channel {
    COUNTER("窓口"),
    ELECTRONIC("電子申請（ぴったりサービス）");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    IDENTIFYING, MATCHING, AWAITING_DECISION, AWAITING_APPROVAL, NOTIFIED, RETURNED, WITHDRAWN;

    private static final Set<Status> ENDED = EnumSet.of(NOTIFIED, RETURNED, WITHDRAWN);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  enum Decision {
    EXEMPT("免除"),
    NOT_EXEMPT("免除しない");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** Who did a step that no person did: the automatic match and decision. */
  static final String SYSTEM = "system";

  /** An applicant as ぴったりサービス delivered them: what they typed, before staff identify the resident. */
  record Applicant(String nameKanji, String nameKana, LocalDate birthDate, String phone) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "vaccine_code")
  private CoPayVaccine vaccine;

  private int fiscalYear;
  private Long residentId;
  private String applicationNumber;
  private String applicantNameKanji;
  private String applicantNameKana;
  private LocalDate applicantBirthDate;
  private String applicantPhone;
  private String note;
  private Instant receivedAt;
  private String receivedBy;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String decisionReason;
  @Column(name = "copay_yen")
  private Integer coPayYen;
  private String decidedBy;
  private Instant decidedAt;
  private String approvedBy;
  private Instant approvedAt;
  private String closingReason;
  private String closedBy;
  private Instant endedAt;

  @Version
  private int version;

  protected CoPayExemption() {}

  private CoPayExemption(Channel channel, Status status, CoPayVaccine vaccine, LocalDate receivedOn, Instant receivedAt) {
    this.channel = channel;
    this.status = status;
    this.vaccine = vaccine;
    this.fiscalYear = JapaneseDates.fiscalYearOf(receivedOn);
    this.receivedAt = receivedAt;
  }

  static CoPayExemption atCounter(long residentId, CoPayVaccine vaccine, String note, String receivedBy,
                                  LocalDate receivedOn, Instant receivedAt) {
    CoPayExemption exemption = new CoPayExemption(Channel.COUNTER, Status.MATCHING, vaccine, receivedOn, receivedAt);
    exemption.residentId = residentId;
    exemption.note = note;
    exemption.receivedBy = receivedBy;
    return exemption;
  }

  static CoPayExemption electronic(String applicationNumber, Applicant applicant, CoPayVaccine vaccine,
                                   LocalDate submittedOn, Instant receivedAt) {
    CoPayExemption exemption = new CoPayExemption(Channel.ELECTRONIC, Status.IDENTIFYING, vaccine, submittedOn,
        receivedAt);
    exemption.applicationNumber = applicationNumber;
    exemption.applicantNameKanji = applicant.nameKanji();
    exemption.applicantNameKana = applicant.nameKana();
    exemption.applicantBirthDate = applicant.birthDate();
    exemption.applicantPhone = applicant.phone();
    return exemption;
  }


  /** The fiscal year as staff write it, e.g. 令和8年度. */
  String fiscalYearLabel() {
    return JapaneseDates.formatFiscalYear(fiscalYear);
  }

  void identify(long residentId) {
    this.residentId = residentId;
  }

  void decide(Decision decision, String reason, int coPayYen, String decidedBy, Instant now) {
    this.decision = decision;
    this.decisionReason = reason;
    this.coPayYen = coPayYen;
    this.decidedBy = decidedBy;
    this.decidedAt = now;
    this.approvedBy = null;
    this.approvedAt = null;
  }

  void approve(String supervisor, Instant now) {
    this.approvedBy = supervisor;
    this.approvedAt = now;
  }

  /** A supervisor sent the decision back: it is no longer a decision, only the record of the steps says it was made. */
  void sendBack() {
    this.decision = null;
    this.decisionReason = null;
    this.coPayYen = null;
    this.decidedBy = null;
    this.decidedAt = null;
  }

  void close(String reason, String username) {
    this.closingReason = reason;
    this.closedBy = username;
  }

  void status(Status status, Instant now) {
    this.status = status;
    if (status.ended() && endedAt == null) {
      this.endedAt = now;
    }
  }

  Long id() { return id; }
  Channel channel() { return channel; }
  Status status() { return status; }
  CoPayVaccine vaccine() { return vaccine; }
  int fiscalYear() { return fiscalYear; }
  Long residentId() { return residentId; }
  String applicationNumber() { return applicationNumber; }
  Applicant applicant() {
    return applicantNameKana == null ? null
        : new Applicant(applicantNameKanji, applicantNameKana, applicantBirthDate, applicantPhone);
  }
  String note() { return note; }
  Instant receivedAt() { return receivedAt; }
  String receivedBy() { return receivedBy; }
  Decision decision() { return decision; }
  String decisionReason() { return decisionReason; }
  Integer coPayYen() { return coPayYen; }
  String decidedBy() { return decidedBy; }
  Instant decidedAt() { return decidedAt; }
  String approvedBy() { return approvedBy; }
  Instant approvedAt() { return approvedAt; }
  String closingReason() { return closingReason; }
  String closedBy() { return closedBy; }
  Instant endedAt() { return endedAt; }
  int version() { return version; }
}
