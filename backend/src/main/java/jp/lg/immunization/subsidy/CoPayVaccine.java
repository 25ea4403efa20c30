package jp.lg.immunization.subsidy;

/** The routine vaccines with a co-pay (定期B類), the only ones an exemption can be applied for. */
enum CoPayVaccine {
  INFLUENZA_ELDERLY("高齢者インフルエンザ"),
  PNEUMOCOCCAL_ELDERLY("高齢者肺炎球菌"),
  COVID("新型コロナ");

  private final String label;

  CoPayVaccine(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
