package jp.lg.immunization.resident;

/**
 * Rejected 個人番号 input. The message is shown to counter staff as is, so it is in Japanese and
 * never echoes the entered digits: the number is specific personal information and must not reach
 * logs or error reports through an exception message.
 */
public class InvalidMyNumberException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT_MESSAGE = "個人番号は12桁の数字で入力してください";
  private static final String CHECK_DIGIT_MESSAGE = "個人番号の検査用数字が正しくありません";

  private final boolean checkDigitWrong;

  private InvalidMyNumberException(String message, boolean checkDigitWrong) {
    super(message);
    this.checkDigitWrong = checkDigitWrong;
  }

  /** Twelve digits whose check digit is wrong (a mistyped number), rather than no 12-digit number at all. */
  public boolean checkDigitWrong() {
    return checkDigitWrong;
  }

  static InvalidMyNumberException format() {
    return new InvalidMyNumberException(FORMAT_MESSAGE, false);
  }

  static InvalidMyNumberException checkDigit() {
    return new InvalidMyNumberException(CHECK_DIGIT_MESSAGE, true);
  }
}
