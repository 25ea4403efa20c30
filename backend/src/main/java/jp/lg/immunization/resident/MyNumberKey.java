package jp.lg.immunization.resident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import jp.lg.immunization.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key for 個人番号, 32 bytes in Base64 from {@code immunization.crypto.my-number-key}.
 * Demo mode without a configured key generates one and keeps it in the data folder, so that data
 * stays readable across restarts; outside demo mode a missing key stops the app.
 */
@Component
class MyNumberKey {

  private static final Logger log = LoggerFactory.getLogger(MyNumberKey.class);

  private final byte[] bytes;

  MyNumberKey(@Value("${immunization.crypto.my-number-key:}") String configured,
              @Value("${immunization.data-dir:data}") Path dataDir, DemoMode demoMode) {
    if (!configured.isBlank()) {
      bytes = decode(configured);
    } else if (demoMode.enabled()) {
      bytes = decode(demoKey(dataDir.resolve("demo-my-number.key")));
    } else {
      throw new IllegalStateException("Set immunization.crypto.my-number-key (32 random bytes, Base64): "
          + "the key that encrypts 個人番号. See README, Configuration.");
    }
  }

  byte[] bytes() {
    return bytes.clone();
  }

  private static byte[] decode(String base64) {
    byte[] key = Base64.getDecoder().decode(base64.trim());
    if (key.length != 32) {
      throw new IllegalStateException("immunization.crypto.my-number-key must be 32 bytes in Base64");
    }
    return key;
  }

  private static String demoKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file);
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, encoded);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      log.warn("Demo mode: generated a 個人番号 key in {}", file.toAbsolutePath());
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo key in " + file, e);
    }
  }
}
