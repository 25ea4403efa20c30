package jp.lg.immunization.resident;

/**
 * A 個人番号 (My Number) whose check digit has been verified.
 *
 * <p>{@link #toString()} is masked so that the number cannot leak through logging, string
 * concatenation or framework error pages; call {@link #digits()} where the full number is needed.
 */
public final class MyNumber {

  private static final int LENGTH = 12;
  private static final int BODY_LENGTH = LENGTH - 1;
  private static final int VISIBLE_DIGITS = 4;
  private static final String MALFORMED_BODY = "first11 must be exactly 11 ASCII digits";

  private final String digits;

  private MyNumber(String digits) {
    this.digits = digits;
  }

  /**
   * Parses input as typed at a counter or printed on a card: spaces and hyphens are ignored and
   * full-width digits are accepted because Japanese IMEs often produce them.
   *
   * @throws InvalidMyNumberException if the input is not 12 digits or the check digit is wrong
   */
  public static MyNumber parse(String input) {
    if (input == null) {
      throw InvalidMyNumberException.format();
    }
    StringBuilder normalized = new StringBuilder(LENGTH);
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (isSeparator(c)) {
        continue;
      }
      if (c >= '０' && c <= '９') {
        c = (char) (c - '０' + '0');
      }
      if (c < '0' || c > '9') {
        throw InvalidMyNumberException.format();
      }
      normalized.append(c);
    }
    if (normalized.length() != LENGTH) {
      throw InvalidMyNumberException.format();
    }
    String candidate = normalized.toString();
    if (checkDigit(candidate.substring(0, BODY_LENGTH)) != candidate.charAt(BODY_LENGTH) - '0') {
      throw InvalidMyNumberException.checkDigit();
    }
    return new MyNumber(candidate);
  }

  /** Completes an 11-digit body with its check digit, e.g. for generating test data. */
  public static MyNumber withCheckDigit(String first11) {
    return new MyNumber(first11 + checkDigit(first11));
  }

  /**
   * Check digit per the ministerial ordinance on 個人番号 (R03 in our control list): with Pn the
   * n-th digit from the right of the first 11 digits, Qn = n + 1 for n ≤ 6 and n - 5 for n ≥ 7,
   * r = Σ Pn·Qn mod 11, and the check digit is 0 when r ≤ 1, otherwise 11 - r.
   *
   * @throws IllegalArgumentException if {@code first11} is not exactly 11 ASCII digits
   */
  public static int checkDigit(String first11) {
    if (first11 == null || first11.length() != BODY_LENGTH) {
      throw new IllegalArgumentException(MALFORMED_BODY);
    }
    int sum = 0;
    for (int n = 1; n <= BODY_LENGTH; n++) {
      int p = first11.charAt(BODY_LENGTH - n) - '0';
      if (p < 0 || p > 9) {
        throw new IllegalArgumentException(MALFORMED_BODY);
      }
      sum += p * (n <= 6 ? n + 1 : n - 5);
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
  }

  public String digits() {
    return digits;
  }

  /** Only the last four digits, which is what staff need to confirm a number with a resident. */
  public String masked() {
    return "*".repeat(LENGTH - VISIBLE_DIGITS) + digits.substring(LENGTH - VISIBLE_DIGITS);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MyNumber that && digits.equals(that.digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }

  private static boolean isSeparator(char c) {
    // ー (chōonpu) is included because IME users routinely type it in place of a hyphen.
    return c == ' ' || c == '\u3000' || c == '-' || c == '\uFF0D' || c == '\u2010'
        || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014'
        || c == '\u2212' || c == 'ー' || c == 'ｰ';
  }
}
