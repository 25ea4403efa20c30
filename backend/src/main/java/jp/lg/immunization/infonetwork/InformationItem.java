package jp.lg.immunization.infonetwork;

/** What may be asked of other agencies. Whether it may be asked for this affair is the permit list's (DMN) call. */
public enum InformationItem {
  VACCINATION_RECORD("予防接種の実施に関する情報"),
  LOCAL_TAX("地方税関係情報"),
  PUBLIC_ASSISTANCE("生活保護関係情報"),
  DISABILITY_CERTIFICATE("身体障害者手帳関係情報"),
  HEALTH_CHECKUP("健康診査関係情報"),
  RELIEF_BENEFIT("予防接種健康被害救済給付関係情報");

  private final String label;

  InformationItem(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
