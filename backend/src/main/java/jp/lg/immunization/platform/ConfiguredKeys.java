package jp.lg.immunization.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Master keys of 32 bytes in Base64 from configuration. Demo mode without a configured key generates one and keeps it
 * in the data folder, so that data stays readable across restarts; outside demo mode a missing key stops the app.
 */
@Component
public class ConfiguredKeys {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredKeys.class);
  private static final int KEY_BYTES = 32;

  private final Path dataDir;
  private final DemoMode demoMode;

  ConfiguredKeys(@Value("${immunization.data-dir:data}") Path dataDir, DemoMode demoMode) {
    this.dataDir = dataDir;
    this.demoMode = demoMode;
  }

  /**
   * The key configured as {@code property} (its value {@code configured}, blank when unset); in demo mode without
   * one, the key kept in {@code <data-dir>/<demoFileName>}. {@code purpose} tells in the start-up failure what it is for.
   */
  public byte[] require(String property, String configured, String demoFileName, String purpose) {
    if (!configured.isBlank()) {
      return decode(property, configured);
    }
    if (demoMode.enabled()) {
      return decode(property, demoKey(dataDir.resolve(demoFileName), purpose));
    }
    throw new IllegalStateException("Set " + property + " (32 random bytes, Base64): " + purpose
        + ". See README, Configuration.");
  }

  private static byte[] decode(String property, String base64) {
    byte[] key = Base64.getDecoder().decode(base64.trim());
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(property + " must be 32 bytes in Base64");
    }
    return key;
  }

  private static String demoKey(Path file, String purpose) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file);
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, encoded);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      log.warn("Demo mode: generated {} in {}", purpose, file.toAbsolutePath());
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo key in " + file, e);
    }
  }
}
