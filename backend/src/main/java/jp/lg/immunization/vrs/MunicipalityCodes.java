package jp.lg.immunization.vrs;

/**
 * 全国地方公共団体コード: five digits and a check digit (the digits weighted 6, 5, 4, 3, 2 from the left, the sum's
 * remainder by 11 taken from 11, its last digit), e.g. 112020 熊谷市, 131016 千代田区.
 */
final class MunicipalityCodes {

  private MunicipalityCodes() {}

  static boolean valid(String code) {
    return code != null && code.matches("\\d{6}") && withCheckDigit(code.substring(0, 5)).equals(code);
  }

  static String withCheckDigit(String first5) {
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += Character.digit(first5.charAt(i), 10) * (6 - i);
    }
    return first5 + (11 - sum % 11) % 10;
  }
}
