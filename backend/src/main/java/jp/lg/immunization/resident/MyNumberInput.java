package jp.lg.immunization.resident;

import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.feed.RegisterStore;

/** A 個人番号 typed by staff into a case's form. */
final class MyNumberInput {

  private MyNumberInput() {}

  /**
   * @param owner the 宛名番号 of the resident the number is for, null for a resident not yet registered
   * @return null when left empty; refused when malformed (R03, the message never repeats the digits) or when the
   *     register holds it for another resident
   */
  static MyNumber parse(String text, RegisterStore register, String owner) {
    if (text == null || text.isBlank()) {
      return null;
    }
    MyNumber number;
    try {
      number = MyNumber.parse(text);
    } catch (InvalidMyNumberException invalid) {
      throw ApiException.invalid(invalid.getMessage(), Map.of("myNumber", invalid.getMessage()));
    }
    String holder = register.holdersOfMyNumbers(List.of(number)).get(number);
    if (holder != null && !holder.equals(owner)) {
      throw ApiException.invalid("この個人番号は別の住民のものです", Map.of("myNumber", "この個人番号は別の住民のものです"));
    }
    return number;
  }
}
