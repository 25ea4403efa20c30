package jp.lg.immunization.subsidy;

/** What a match of the status means for the exemption under processes/copay.dmn. */
enum MatchOutcome {
  EXEMPT("免除に該当"),
  NOT_EXEMPT("免除に該当しない"),
  INCONCLUSIVE("判定できず（職員が確認）");

  private final String label;

  MatchOutcome(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
