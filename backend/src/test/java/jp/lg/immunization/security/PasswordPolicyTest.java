package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
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

  /** R08: each rule at its edge — the first length, distinct count, user-ID length and edit distance it lets pass. */
  @Test
  void R08_eachRuleAtItsEdge() {
    assertThat(POLICY.problems("a1b2c3d4e5f", null, "x", List.of())).containsExactly("パスワードは12文字以上にしてください");
    assertThat(POLICY.problems("a1b2c3d4e5f6", null, "x", List.of())).isEmpty();
    assertThat(POLICY.problems("a1b2c3d4".repeat(16), null, "x", List.of())).isEmpty();
    assertThat(POLICY.problems("a1b2c3d4".repeat(16) + "z", null, "x", List.of()))
        .containsExactly("パスワードは128文字以内にしてください");
    assertThat(POLICY.problems("ababababababab", null, "x", List.of())).singleElement().asString().contains("よく使われる");
    assertThat(POLICY.problems("abcabcabcabcab", null, "x", List.of())).isEmpty();
    assertThat(POLICY.problems("PASSWORD1234", null, "x", List.of())).singleElement().asString().contains("よく使われる");
    assertThat(POLICY.problems("xy-kumagaya-2026", null, "xy", List.of())).isEmpty();
    assertThat(POLICY.problems("xyz-kumagaya-2026", null, "XYZ", List.of())).singleElement().asString()
        .contains("ユーザーIDを含む");
    assertThat(POLICY.problems("kumagaya-sakura-20", CURRENT, "x", List.of())).singleElement().asString()
        .contains("似ている");
    assertThat(POLICY.problems("kumagaya-sakura-2", CURRENT, "x", List.of())).singleElement().asString()
        .contains("似ている");
    assertThat(POLICY.problems("kumagaya-sakura-", CURRENT, "x", List.of())).isEmpty();
    assertThat(POLICY.problems("KUMAGAYA-sakura-2026x", CURRENT, "x", List.of())).singleElement().asString()
        .contains("似ている");
    assertThat(POLICY.problems("toyama-kumagaya-sakura", CURRENT, "x", List.of())).isEmpty();
    assertThat(POLICY.problems(CURRENT, CURRENT, "x", List.of())).isEmpty();
    assertThat(POLICY.problems("Zq9!xW7#rT5$pL3&mN1*", CURRENT, "x", List.of())).as("nothing alike").isEmpty();
    // The list's comment lines are no passwords.
    assertThat(POLICY.problems("# Passwords too common to allow (R08): the most used ones of public breach lists,"
        + " and their 12-character", null, "x", List.of())).isEmpty();
    assertThat(POLICY.historySize()).isEqualTo(5);
    // A short password is far from a long current one, however the edit distance's first row ends.
    assertThat(POLICY.problems("xyz", "completely-different-passphrase", "q", List.of()))
        .containsExactly("パスワードは12文字以上にしてください");
  }

  @Test
  void R08_theCommonPasswordListIsReadOnePerLineInLowerCaseWithoutBlanksOrComments() {
    assertThat(PasswordPolicy.commonPasswords(Stream.of("  Sakura-Hana-2026 \t", "", "   ", "# a comment",
        "  # also a comment", "PLAIN"))).containsExactlyInAnyOrder("sakura-hana-2026", "plain");
  }
}
