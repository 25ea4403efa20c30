package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master keys (個人番号, TOTP secrets): configured outside demo mode, or the app does not start. */
class ConfiguredKeysTest {

  static final String PROPERTY = "immunization.security.totp-key";

  @TempDir Path dataDir;

  @Test
  void R07_withoutDemoModeAMissingKeyStopsTheStartWithAMessageNamingTheProperty() {
    ConfiguredKeys keys = new ConfiguredKeys(dataDir, new DemoMode(false));
    assertThatThrownBy(() -> keys.require(PROPERTY, "", "demo-totp.key", "the key that encrypts TOTP secrets"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Set " + PROPERTY).hasMessageContaining("the key that encrypts TOTP secrets");
    assertThatThrownBy(() -> keys.require(PROPERTY, "dG9vLXNob3J0", "demo-totp.key", "TOTP"))
        .hasMessage(PROPERTY + " must be 32 bytes in Base64");
    byte[] configured = new byte[32];
    configured[0] = 7;
    assertThat(keys.require(PROPERTY, Base64.getEncoder().encodeToString(configured), "demo-totp.key", "TOTP"))
        .isEqualTo(configured);
    assertThat(dataDir.resolve("demo-totp.key")).doesNotExist();
  }

  @Test
  void R07_demoModeGeneratesAKeyOnceAndKeepsItInTheDataFolder() throws Exception {
    ConfiguredKeys keys = new ConfiguredKeys(dataDir, new DemoMode(true));
    byte[] first = keys.require(PROPERTY, "", "demo-totp.key", "TOTP");
    assertThat(first).hasSize(32);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("demo-totp.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(new ConfiguredKeys(dataDir, new DemoMode(true)).require(PROPERTY, "", "demo-totp.key", "TOTP"))
        .as("the same key after a restart").isEqualTo(first);
  }
}
