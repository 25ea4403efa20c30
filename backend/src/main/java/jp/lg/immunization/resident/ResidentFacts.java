package jp.lg.immunization.resident;

/**
 * The register's published reporting relation, for set-based statistics such as vaccination coverage over every
 * resident: a parenthesised select to put into a {@code from} clause, whose columns are the contract (the table
 * behind it may change as long as they keep their names and meaning). A plain projection, which PostgreSQL inlines
 * into the caller's query. It holds no names, addresses or 個人番号; reports built on it answer counts only.
 */
public final class ResidentFacts {

  private static final String REGISTERED = """
      (select id, district, birth_date, sex from resident where status = 'REGISTERED')""";

  private ResidentFacts() {}

  /**
   * The residents currently registered (住民登録のある者): {@code id}, {@code district} (the 地区, null when the
   * address has none), {@code birth_date} and {@code sex} ({@code MALE} or {@code FEMALE}).
   */
  public static String registered() {
    return REGISTERED;
  }
}
