package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumberTest {

  private static final String VALID = "123456789018";

  @ParameterizedTest
  @ValueSource(strings = {VALID, "983205673214"})
  void R03_acceptsValidCheckDigit(String digits) {
    assertThat(MyNumber.parse(digits).digits()).isEqualTo(digits);
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789000", "123456789050"})
  void R03_checkDigitIsZeroWhenRemainderIsAtMostOne(String digits) {
    // Bodies chosen so that Σ Pn·Qn mod 11 is 1 and 0 respectively.
    assertThat(MyNumber.checkDigit(digits.substring(0, 11))).isZero();
    assertThat(MyNumber.parse(digits).digits()).isEqualTo(digits);
  }

  @Test
  void R03_checkDigitFollowsTheWeightedSum() {
    assertThat(MyNumber.checkDigit("12345678901")).isEqualTo(8);
    assertThat(MyNumber.checkDigit("98320567321")).isEqualTo(4);
  }

  static Stream<Arguments> wrongCheckDigits() {
    return Stream.of(VALID, "983205673214").flatMap(valid -> IntStream.rangeClosed(0, 9)
        .filter(digit -> digit != valid.charAt(11) - '0')
        .mapToObj(digit -> Arguments.of(valid.substring(0, 11) + digit)));
  }

  @ParameterizedTest
  @MethodSource("wrongCheckDigits")
  void R03_rejectsWrongCheckDigit(String digits) {
    assertThatThrownBy(() -> MyNumber.parse(digits))
        .isInstanceOf(InvalidMyNumberException.class)
        .hasMessage("個人番号の検査用数字が正しくありません");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"12345678901", "1234567890180", "1234 5678 901", "-- --"})
  void R03_rejectsWrongLength(String input) {
    assertThatThrownBy(() -> MyNumber.parse(input))
        .isInstanceOf(InvalidMyNumberException.class)
        .hasMessage("個人番号は12桁の数字で入力してください");
  }

  @ParameterizedTest
  // Letters, a full-width letter, an Arabic-Indic digit (a Unicode digit, but not one we accept),
  // a dot and a tab.
  @ValueSource(strings = {"12345678901A", "１２３４５６７８９０１Ａ", "12345678901\u0668", "1234.5678.9018", "1234\t5678\t9018"})
  void R03_rejectsNonDigits(String input) {
    assertThatThrownBy(() -> MyNumber.parse(input))
        .isInstanceOf(InvalidMyNumberException.class)
        .hasMessage("個人番号は12桁の数字で入力してください");
  }

  @ParameterizedTest
  @ValueSource(strings = {"１２３４５６７８９０１８", "1234 5678 9018", "1234-5678-9018", "１２３４　５６７８　９０１８",
    "１２３４－５６７８－９０１８", "1234ー5678ー9018", " 1234567890 18 "})
  void R03_normalisesFullWidthDigitsSpacesAndHyphens(String input) {
    assertThat(MyNumber.parse(input).digits()).isEqualTo(VALID);
  }

  @Test
  void R03_rejectionMessageDoesNotEchoTheInput() {
    InvalidMyNumberException thrown = catchThrowableOfType(InvalidMyNumberException.class,
        () -> MyNumber.parse("123456789019"));

    assertThat(thrown.getMessage()).doesNotContain("1234", "9019");
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withCheckDigit_completesTheBodyToAParsableNumber() {
    MyNumber number = MyNumber.withCheckDigit("98320567321");

    assertThat(number.digits()).isEqualTo("983205673214");
    assertThat(MyNumber.parse(number.digits())).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890", "123456789012", "1234567890A", "１２３４５６７８９０１"})
  void checkDigit_rejectsAnythingButElevenAsciiDigits(String body) {
    assertThatThrownBy(() -> MyNumber.checkDigit(body)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masked_showsOnlyTheLastFourDigits() {
    assertThat(MyNumber.parse(VALID).masked()).isEqualTo("********9018");
  }

  @Test
  void toString_doesNotRevealTheNumber() {
    MyNumber number = MyNumber.parse(VALID);

    assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain("12345678");
    assertThat("resident " + number).doesNotContain(VALID);
  }

  @Test
  void equality_isByDigitsRegardlessOfInputFormat() {
    MyNumber plain = MyNumber.parse(VALID);
    MyNumber formatted = MyNumber.parse("１２３４-５６７８-９０１８");

    assertThat(formatted).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(MyNumber.parse("983205673214")).isNotEqualTo(plain);
  }
}
