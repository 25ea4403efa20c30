package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R07: the codes are RFC 6238's, accepted within one step either side of now, and each once only. */
class TotpTest {

  /** The SHA-1 seed of RFC 6238's test vectors (Appendix B). */
  private static final Totp RFC_6238 = new Totp("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  /** RFC 6238 Appendix B gives 8 digits; authenticator apps show the last 6 of the same truncated value. */
  @ParameterizedTest(name = "T = {0} s -> {1}")
  @CsvSource({
      "59, 94287082",
      "1111111109, 07081804",
      "1111111111, 14050471",
      "1234567890, 89005924",
      "2000000000, 69279037",
      "20000000000, 65353130"})
  void R07_codesAreThoseOfTheRfc6238TestVectors(long epochSecond, String eightDigits) {
    assertThat(RFC_6238.code(Totp.step(Instant.ofEpochSecond(epochSecond)))).isEqualTo(eightDigits.substring(2));
  }

  @Test
  void R07_theSecretTravelsAsBase32AndReadsBackTheSame() {
    assertThat(RFC_6238.base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.ofBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").key()).isEqualTo(RFC_6238.key());
    Totp generated = Totp.generate();
    assertThat(generated.base32()).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.ofBase32(generated.base32()).key()).isEqualTo(generated.key());
  }

  @Test
  void R07_aCodeIsAcceptedOneStepEitherSideOfNowAndNoFurther() {
    Instant now = Instant.ofEpochSecond(1_111_111_111);
    long step = Totp.step(now);
    long neverUsed = Long.MIN_VALUE;
    assertThat(RFC_6238.match(RFC_6238.code(step), now, neverUsed)).hasValue(step);
    assertThat(RFC_6238.match(RFC_6238.code(step - 1), now, neverUsed)).hasValue(step - 1);
    assertThat(RFC_6238.match(RFC_6238.code(step + 1), now, neverUsed)).hasValue(step + 1);
    assertThat(RFC_6238.match(RFC_6238.code(step - 2), now, neverUsed)).isEmpty();
    assertThat(RFC_6238.match(RFC_6238.code(step + 2), now, neverUsed)).isEmpty();
    assertThat(RFC_6238.match("000000", now, neverUsed)).isEmpty();
  }

  @Test
  void R07_aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    long step = Totp.step(now);
    assertThat(RFC_6238.match(RFC_6238.code(step), now, step)).isEmpty();
    assertThat(RFC_6238.match(RFC_6238.code(step - 1), now, step)).isEmpty();
    assertThat(RFC_6238.match(RFC_6238.code(step + 1), now, step)).hasValue(step + 1);
  }

  /** Keys whose bits do not fill the last Base32 character, a fresh random secret, and a key no caller can change. */
  @Test
  void R07_base32OfEveryLengthAndTheSecretsOwnCopy() {
    assertThat(new Totp(new byte[] {(byte) 0xFF}).base32()).isEqualTo("74");
    assertThat(new Totp(new byte[] {0, 0, 0, 0, 1}).base32()).isEqualTo("AAAAAAAB");
    assertThat(new Totp(new byte[] {(byte) 0x80, 0, 0}).base32()).isEqualTo("QAAAA");
    assertThat(Totp.ofBase32("74======").key()).containsExactly((byte) 0xFF);
    assertThatThrownBy(() -> Totp.ofBase32("A1")).isInstanceOf(IllegalArgumentException.class);
    byte[] key = {1, 2, 3};
    Totp totp = new Totp(key);
    key[0] = 9;
    totp.key()[1] = 9;
    assertThat(totp.key()).containsExactly(1, 2, 3);
    assertThat(Totp.generate().key()).hasSize(20).isNotEqualTo(Totp.generate().key())
        .isNotEqualTo(new byte[20]);
  }
}
