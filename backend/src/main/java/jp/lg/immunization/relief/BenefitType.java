package jp.lg.immunization.relief;

import java.util.Arrays;
import java.util.Optional;

/**
 * The benefits of the relief system (予防接種法 15条). Which are possible for a claim depends on the class of the
 * vaccination: the table processes/relief-benefits.dmn decides that, not this enum.
 */
enum BenefitType {
  MEDICAL_EXPENSES("医療費", Kind.ONE_OFF),
  MEDICAL_ALLOWANCE("医療手当", Kind.PERIODIC),
  CHILD_DISABILITY_PENSION("障害児養育年金", Kind.PERIODIC),
  DISABILITY_PENSION("障害年金", Kind.PERIODIC),
  DEATH_LUMP_SUM("死亡一時金", Kind.ONE_OFF),
  SURVIVOR_PENSION("遺族年金", Kind.PERIODIC),
  SURVIVOR_LUMP_SUM("遺族一時金", Kind.ONE_OFF),
  FUNERAL_EXPENSES("葬祭料", Kind.ONE_OFF),
  NURSING_CARE_ADDITION("介護加算", Kind.PERIODIC);

  enum Kind { ONE_OFF, PERIODIC }

  private final String label;
  private final Kind kind;

  BenefitType(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  String label() {
    return label;
  }

  Kind kind() {
    return kind;
  }

  /** Claims for these run from the medical payment (B-class deadline: 5 years). */
  boolean medical() {
    return this == MEDICAL_EXPENSES || this == MEDICAL_ALLOWANCE;
  }

  /** Claims for these run from the death (B-class deadline: 5 years, 2 if benefits were already paid). */
  boolean survivors() {
    return this == SURVIVOR_PENSION || this == SURVIVOR_LUMP_SUM;
  }

  static Optional<BenefitType> of(String code) {
    return Arrays.stream(values()).filter(type -> type.name().equals(code)).findFirst();
  }
}
