package jp.lg.immunization.subsidy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 決定通知: what the applicant was told, recorded when the notice is issued. */
@Entity
@Table(name = "copay_exemption_notice")
class ExemptionNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long exemptionId;

  @Enumerated(EnumType.STRING)
  private CoPayExemption.Decision decision;

  @Column(name = "copay_yen")
  private int coPayYen;

  private String reason;
  private Instant issuedAt;

  protected ExemptionNotice() {}

  ExemptionNotice(CoPayExemption exemption, Instant now) {
    this.exemptionId = exemption.id();
    this.decision = exemption.decision();
    this.coPayYen = exemption.coPayYen();
    this.reason = exemption.decisionReason();
    this.issuedAt = now;
  }

  /** 通知番号, e.g. 自負免第12号. */
  String number() {
    return "自負免第" + id + "号";
  }

  Long id() { return id; }
  CoPayExemption.Decision decision() { return decision; }
  int coPayYen() { return coPayYen; }
  String reason() { return reason; }
  Instant issuedAt() { return issuedAt; }
}
