package jp.lg.immunization.subsidy;

import java.util.List;

/** The household's resident-tax status for the fiscal year, as the tax department's records show it. */
enum LocalTaxStatus {
  NON_TAXABLE_HOUSEHOLD("住民税非課税世帯"),
  TAXABLE_HOUSEHOLD("住民税課税世帯"),
  NO_RECORD("課税記録なし（当年度の転入など）"),
  UNKNOWN("不明");

  private final String label;

  LocalTaxStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Whether the household is exempt from resident tax: one answer when known, both when not. */
  List<Boolean> possiblyExempt() {
    return switch (this) {
      case NON_TAXABLE_HOUSEHOLD -> List.of(true);
      case TAXABLE_HOUSEHOLD -> List.of(false);
      case NO_RECORD, UNKNOWN -> List.of(true, false);
    };
  }
}
