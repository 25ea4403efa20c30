package jp.lg.immunization.security;

/**
 * Permissions of their own, granted per account beside the roles (R12): a role says which screens a user
 * works in, a permission whether they may also take personal data out of the system. Stored by name in
 * {@code app_user.permissions}: never rename a constant. Spring sees each as the authority {@link #authority()}.
 */
public enum Permission {
  /** CSV出力: export lists of residents. */
  EXPORT("CSV出力"),
  /** 帳票印刷: print documents about residents, such as 予診票. */
  PRINT("帳票印刷"),
  /** 個人番号の表示: see a resident's 個人番号 unmasked, one resident at a time (R06). */
  REVEAL_MY_NUMBER("個人番号の表示");

  private final String label;

  Permission(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority, e.g. {@code PERMISSION_EXPORT}. */
  public String authority() {
    return "PERMISSION_" + name();
  }

  /** What a refused user reads: which permission is missing and whom to ask. */
  public String refusal() {
    return "「" + label + "」の権限がないため、この操作はできません。必要な場合はシステム管理者に権限の付与を依頼してください";
  }
}
