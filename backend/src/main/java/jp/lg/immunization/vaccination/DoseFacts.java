package jp.lg.immunization.vaccination;

/**
 * The published reporting relation of recorded doses, for set-based statistics such as vaccination coverage: a
 * parenthesised select to put into a {@code from} clause, whose columns are the contract (the table behind it may
 * change as long as they keep their names and meaning). A plain projection, which PostgreSQL inlines into the
 * caller's query, so the table's indexes still serve it.
 */
public final class DoseFacts {

  private static final String DOSES = """
      (select resident_id, vaccine, dose_category, dose_date from dose_record)""";

  private DoseFacts() {}

  /**
   * Every recorded dose: {@code resident_id}, {@code vaccine} (the 接種種別 as recorded), {@code dose_category} (the
   * 接種区分 as recorded) and {@code dose_date}.
   */
  public static String doses() {
    return DOSES;
  }

  /**
   * The names under which records may carry a routine vaccine ({@code MR}, {@code HPV}, ... as the vaccine's code),
   * NFKC-normalised, trimmed and upper-cased: compare them with {@code upper(btrim(normalize(vaccine, NFKC)))}.
   */
  public static java.util.Set<String> recordNames(String vaccineCode) {
    return Vaccine.valueOf(vaccineCode).recordNames();
  }
}
