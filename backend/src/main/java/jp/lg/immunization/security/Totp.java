package jp.lg.immunization.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them with the defaults every authenticator app uses: HMAC-SHA1,
 * 6 digits, 30-second steps counted from the Unix epoch. Secrets travel to the app in Base32 (RFC 4648, no padding).
 * Public so that test clients of other packages can compute codes as an authenticator app would.
 */
public final class Totp {

  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;
  private static final int MODULUS = 1_000_000;
  /** Codes of the step before and after now are accepted too, for clocks a little apart. */
  static final int WINDOW = 1;
  private static final int SECRET_BYTES = 20;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  Totp(byte[] key) {
    this.key = key.clone();
  }

  /** A new random 160-bit secret, the size RFC 4226 recommends for HMAC-SHA1. */
  static Totp generate() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return new Totp(key);
  }

  /** From the Base32 text an authenticator app is given (spaces and case ignored). */
  public static Totp ofBase32(String secret) {
    String text = secret.replace(" ", "").replace("=", "").toUpperCase();
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not Base32: " + c);
      }
      buffer = buffer << 5 | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes.put((byte) (buffer >> bits));
      }
    }
    return new Totp(bytes.array());
  }

  /** The time step that contains {@code at}. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  byte[] key() {
    return key.clone();
  }

  String base32() {
    StringBuilder text = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : key) {
      buffer = buffer << 8 | b & 0xff;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        text.append(BASE32.charAt(buffer >> bits & 31));
      }
    }
    if (bits > 0) {
      text.append(BASE32.charAt(buffer << 5 - bits & 31));
    }
    return text.toString();
  }

  /** The code of one time step (RFC 4226 dynamic truncation of HMAC-SHA1 over the step counter). */
  public String code(long step) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
        | hash[offset + 3] & 0xff;
    return String.format("%0" + DIGITS + "d", binary % MODULUS);
  }

  /**
   * The step whose code {@code code} is, among the steps around {@code at} that are later than {@code lastUsedStep}
   * (so that a code is accepted once only); empty when there is none.
   */
  OptionalLong match(String code, Instant at, long lastUsedStep) {
    long now = step(at);
    for (long step = now - WINDOW; step <= now + WINDOW; step++) {
      if (step > lastUsedStep && MessageDigest.isEqual(code(step).getBytes(), code.getBytes())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }
}
