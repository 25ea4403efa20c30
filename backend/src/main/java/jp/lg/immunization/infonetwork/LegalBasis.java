package jp.lg.immunization.infonetwork;

/** The legal basis a query or provision names (番号利用法 and its ordinance). */
public enum LegalBasis {
  ACT19_8_TABLE14("番号利用法第19条第8号・主務省令別表第14項"),
  OLD_TABLE2_16_2("旧番号利用法別表第二 16の2（令和6年5月廃止）");

  private final String label;

  LegalBasis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
