package jp.lg.immunization.resident;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.lg.immunization.platform.AesGcm;
import org.springframework.stereotype.Component;

/**
 * 個人番号 at rest: AES-256-GCM for the value, and a keyed hash (HMAC-SHA256 under a key derived
 * from the same master key) to find a resident by number without decrypting every row.
 */
@Component
class MyNumberProtector {

  private final AesGcm cipher;
  private final SecretKeySpec lookupKey;

  MyNumberProtector(MyNumberKey key) {
    this.cipher = new AesGcm(derive(key.bytes(), "encryption"));
    this.lookupKey = new SecretKeySpec(derive(key.bytes(), "lookup"), "HmacSHA256");
  }

  byte[] encrypt(MyNumber number) {
    try {
      return cipher.encrypt(number.digits().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("個人番号を暗号化できません", e);
    }
  }

  MyNumber decrypt(byte[] stored) {
    try {
      return MyNumber.parse(new String(cipher.decrypt(stored), StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("個人番号を復号できません（鍵が違う可能性があります）", e);
    }
  }

  byte[] lookupHash(MyNumber number) {
    return hmac(lookupKey, number.digits().getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] derive(byte[] master, String purpose) {
    return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
