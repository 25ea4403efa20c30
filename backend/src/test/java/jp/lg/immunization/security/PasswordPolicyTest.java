package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** R08: each rule a new password must meet, with the message the form shows. */
class PasswordPolicyTest {

  static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  static final PasswordPolicy POLICY = new PasswordPolicy(12, 5, ENCODER);
  static final String CURRENT = "kumagaya-sakura-2026";

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      short-pass         | 12文字以上
      password1234       | よく使われる
      QWERTYUIOP12       | よく使われる
      zzzzzzzzzzzzzzzz   | よく使われる
      my-staff77-is-long | ユーザーIDを含む
      kumagaya-sakura-2027 | 現在のパスワードと似ている
      kumagaya-sakura-26 | 現在のパスワードと似ている
      """)
  void R08_eachRuleRefusesItsKindOfPassword(String proposed, String message) {
    assertThat(POLICY.problems(proposed, CURRENT, "staff77", List.of())).anySatisfy(problem ->
        assertThat(problem).contains(message));
  }

  @Test
  void R08_aRecentPasswordCannotComeBackButOneOlderThanTheHistoryCan() {
    String old = "fukaya-negi-field-2019";
    List<String> recent = List.of(ENCODER.encode(CURRENT), ENCODER.encode("a"), ENCODER.encode("b"),
        ENCODER.encode("c"), ENCODER.encode(old));
    assertThat(POLICY.problems(old, CURRENT, "staff77", recent)).singleElement().asString().contains("直近5回");
    List<String> longer = List.of(ENCODER.encode(CURRENT), ENCODER.encode("a"), ENCODER.encode("b"),
        ENCODER.encode("c"), ENCODER.encode("d"), ENCODER.encode(old));
    assertThat(POLICY.problems(old, CURRENT, "staff77", longer)).isEmpty();
  }

  @Test
  void aLongUnrelatedPassphrasePasses() {
    assertThat(POLICY.problems("hanazono-river-lantern", CURRENT, "staff77", List.of(ENCODER.encode(CURRENT))))
        .isEmpty();
  }
}
