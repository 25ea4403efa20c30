package jp.lg.immunization.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Japanese TrueType font that printed documents embed (as a subset). PDFBox cannot embed the CFF outlines of
 * OpenType CJK fonts such as Noto Sans CJK, so the default is IPAex Gothic (Debian: fonts-ipaexfont-gothic).
 * {@code immunization.print.font} names another TrueType (.ttf) file; unset, the usual locations are tried.
 * Looked up on every print run, so installing the font needs no restart. Shared by every module that prints
 * (予診票, 決定通知書).
 */
@Component
public class PrintFont {

  public static final List<Path> DEFAULT_LOCATIONS = List.of(
      Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
      Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
      // Debian's alternative for a Japanese gothic TrueType font (IPAex, IPA, Takao, VL Gothic).
      Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
      Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"),
      Path.of("/usr/share/fonts/ipaex-gothic/ipaexg.ttf"));

  public static final String MISSING = "書類（予診票・通知書）の印刷に使う日本語フォントが見つからないため、印刷できません。システム管理者に連絡してください"
      + "（IPAexゴシック: Debian のパッケージ fonts-ipaexfont-gothic を導入するか、設定 immunization.print.font に"
      + "TrueType フォントのファイルを指定します）";

  private final List<Path> candidates;
  private final boolean configured;

  @Autowired
  public PrintFont(@Value("${immunization.print.font:}") String font) {
    this(font.isBlank() ? DEFAULT_LOCATIONS : List.of(Path.of(font.strip())), !font.isBlank());
  }

  public PrintFont(List<Path> candidates, boolean configured) {
    this.candidates = List.copyOf(candidates);
    this.configured = configured;
  }

  /** The font file, or a refusal that tells staff why nothing can be printed (and changes nothing). */
  public Path locate() {
    return candidates.stream().filter(path -> Files.isRegularFile(path) && Files.isReadable(path)).findFirst()
        .orElseThrow(() -> ApiException.unavailable("print_font_missing", MISSING));
  }

  /** The font embedded in {@code document}, or the refusal when the file is no TrueType font PDFBox can embed. */
  public PDType0Font load(PDDocument document, Path font) {
    try {
      return PDType0Font.load(document, font.toFile());
    } catch (IOException | RuntimeException e) {
      throw unreadable(font);
    }
  }

  private ApiException unreadable(Path font) {
    return ApiException.unavailable("print_font_unreadable", "書類の印刷に使う日本語フォント（" + font.getFileName()
        + "）を読み込めないため、印刷できません。システム管理者に連絡してください（TrueType 形式の .ttf ファイルが必要です"
        + (configured ? "。設定 immunization.print.font を確認してください）" : "）"));
  }
}
