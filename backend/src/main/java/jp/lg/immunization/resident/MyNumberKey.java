package jp.lg.immunization.resident;

import jp.lg.immunization.platform.ConfiguredKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key for 個人番号, 32 bytes in Base64 from {@code immunization.crypto.my-number-key}.
 * Demo mode without a configured key generates one and keeps it in the data folder, so that data
 * stays readable across restarts; outside demo mode a missing key stops the app.
 */
@Component
class MyNumberKey {

  private final byte[] bytes;

  MyNumberKey(@Value("${immunization.crypto.my-number-key:}") String configured, ConfiguredKeys keys) {
    bytes = keys.require("immunization.crypto.my-number-key", configured, "demo-my-number.key",
        "the key that encrypts 個人番号");
  }

  byte[] bytes() {
    return bytes.clone();
  }
}
