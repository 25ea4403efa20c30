package jp.lg.immunization.resident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * 個人番号 at rest: AES-256-GCM for the value, and a keyed hash (HMAC-SHA256 under a key derived
 * from the same master key) to find a resident by number without decrypting every row.
 */
@Component
class MyNumberProtector {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  MyNumberProtector(MyNumberKey key) {
    this.encryptionKey = new SecretKeySpec(derive(key.bytes(), "encryption"), "AES");
    this.lookupKey = new SecretKeySpec(derive(key.bytes(), "lookup"), "HmacSHA256");
  }

  byte[] encrypt(MyNumber number) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("個人番号を暗号化できません", e);
    }
  }

  MyNumber decrypt(byte[] stored) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
      return MyNumber.parse(new String(plain, StandardCharsets.US_ASCII));
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
