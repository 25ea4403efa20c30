package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PrintFontTest {

  @Test
  void findsIpaexGothicWhereDebianInstallsIt() {
    // fonts-ipaexfont-gothic: .ci/run installs it (README).
    Path font = new PrintFont("").locate();
    assertThat(font).isIn(PrintFont.DEFAULT_LOCATIONS);
    assertThat(Files.isRegularFile(font)).isTrue();
  }

  @Test
  void aMissingFontIsAClearRefusalNotAServerError() {
    assertThatThrownBy(() -> new PrintFont("/nowhere/ipaexg.ttf").locate())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
          assertThat(e.error()).isEqualTo("print_font_missing");
          assertThat(e.getMessage()).contains("日本語フォントが見つからない", "fonts-ipaexfont-gothic", "immunization.print.font");
        });
    assertThatThrownBy(() -> new PrintFont(List.of(), false).locate()).isInstanceOf(ApiException.class);
  }
}
