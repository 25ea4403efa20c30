package jp.lg.immunization.subsidy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One check of a resident's local-tax and public-assistance status for an application (R26): the automatic
 * match through 庁内連携, or a staff member's check of documents. Who checked what, when, and with what result.
 */
@Entity
@Table(name = "copay_status_match")
class StatusMatch {

  /** 照合先: the city's own records through 庁内連携, or what a staff member checked instead. */
  enum Source {
    CITY_LINKAGE("庁内連携（住民税課税台帳・生活保護台帳）"),
    TAX_CERTIFICATE("課税（非課税）証明書"),
    ASSISTANCE_CERTIFICATE("生活保護受給証明書"),
    DEPARTMENT_CONFIRMATION("税務課・福祉課への確認"),
    NO_EVIDENCE("確認できる資料なし");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum Result {
    ANSWERED("回答あり"),
    NO_ANSWER("回答なし（期限切れ）"),
    LINK_FAILED("接続できず（障害）"),
    CHECKED("職員が確認");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long exemptionId;

  @Enumerated(EnumType.STRING)
  private Source source;

  private String requestId;
  private int fiscalYear;
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  private Result result;

  private Instant recordedAt;

  @Enumerated(EnumType.STRING)
  private LocalTaxStatus localTaxStatus;

  @Enumerated(EnumType.STRING)
  private AssistanceStatus assistanceStatus;

  @Enumerated(EnumType.STRING)
  private MatchOutcome outcome;

  private String outcomeReason;
  private String checkedBy;
  private String note;

  protected StatusMatch() {}

  /** The automatic match's request id: one per application, so a job run twice asks once. */
  static String requestIdOf(CoPayExemption exemption) {
    return "CPX-" + exemption.id();
  }

  /** The automatic match, recorded as it is sent; the answer completes it. */
  static StatusMatch requested(CoPayExemption exemption, Instant now) {
    StatusMatch match = new StatusMatch();
    match.exemptionId = exemption.id();
    match.source = Source.CITY_LINKAGE;
    match.requestId = requestIdOf(exemption);
    match.fiscalYear = exemption.fiscalYear();
    match.requestedAt = now;
    match.checkedBy = CoPayExemption.SYSTEM;
    return match;
  }

  /** The automatic match that never reached 庁内連携 (every attempt failed) and ended without an answer. */
  static StatusMatch neverSent(CoPayExemption exemption, Instant now) {
    StatusMatch match = requested(exemption, null);
    match.record(Result.LINK_FAILED, null, null,
        new ExemptionRules.Verdict(MatchOutcome.INCONCLUSIVE, "庁内連携システムに接続できなかったため照合できません"), now);
    return match;
  }

  /** A staff member's check of documents, recorded with the decision it supports. */
  static StatusMatch checkedByStaff(CoPayExemption exemption, Source source, LocalTaxStatus tax,
                                    AssistanceStatus assistance, ExemptionRules.Verdict verdict, String username,
                                    String note, Instant now) {
    StatusMatch match = new StatusMatch();
    match.exemptionId = exemption.id();
    match.source = source;
    match.fiscalYear = exemption.fiscalYear();
    match.checkedBy = username;
    match.note = note;
    match.record(Result.CHECKED, tax, assistance, verdict, now);
    return match;
  }

  /** Returns false when a result is already recorded: 庁内連携 may deliver an answer twice, or after the deadline. */
  boolean answered(LocalTaxStatus tax, AssistanceStatus assistance, ExemptionRules.Verdict verdict, Instant now) {
    if (result != null) {
      return false;
    }
    record(Result.ANSWERED, tax, assistance, verdict, now);
    return true;
  }

  void unanswered(Instant now) {
    if (result == null) {
      record(Result.NO_ANSWER, null, null,
          new ExemptionRules.Verdict(MatchOutcome.INCONCLUSIVE, "期限までに庁内連携システムから回答がありませんでした"), now);
    }
  }

  private void record(Result result, LocalTaxStatus tax, AssistanceStatus assistance, ExemptionRules.Verdict verdict,
                      Instant now) {
    this.result = result;
    this.localTaxStatus = tax;
    this.assistanceStatus = assistance;
    this.outcome = verdict.outcome();
    this.outcomeReason = verdict.reason();
    this.recordedAt = now;
  }

  Long id() { return id; }
  long exemptionId() { return exemptionId; }
  Source source() { return source; }
  String requestId() { return requestId; }
  int fiscalYear() { return fiscalYear; }
  Instant requestedAt() { return requestedAt; }
  Result result() { return result; }
  Instant recordedAt() { return recordedAt; }
  LocalTaxStatus localTaxStatus() { return localTaxStatus; }
  AssistanceStatus assistanceStatus() { return assistanceStatus; }
  MatchOutcome outcome() { return outcome; }
  String outcomeReason() { return outcomeReason; }
  String checkedBy() { return checkedBy; }
  String note() { return note; }
}
