package jp.lg.immunization.resident;

/** Sex as recorded in the basic resident register (住民基本台帳). */
public enum Sex {
  MALE("男"),
  FEMALE("女");

  private final String label;

  Sex(String label) {
      this.label = label;
  }

  public String label() {
      return label;
  }
}
