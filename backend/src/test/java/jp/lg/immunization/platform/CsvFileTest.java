package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  @Test
  void utf8StartsWithTheByteOrderMarkSoThatExcelReadsIt() {
    CsvFile.Encoded encoded = new CsvFile().line(List.of("氏名", "髙橋 𠮷子")).encode(CsvEncoding.UTF8_BOM);
    assertThat(Arrays.copyOf(encoded.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(encoded.bytes(), 3, encoded.bytes().length - 3, StandardCharsets.UTF_8))
        .isEqualTo("\"氏名\",\"髙橋 𠮷子\"\r\n");
    assertThat(encoded.replaced()).isZero();
  }

  @Test
  void shiftJisDecodesBackToTheSameTextWithoutAByteOrderMark() {
    CsvFile.Encoded encoded = new CsvFile().line(List.of("宛名番号", "氏名（カナ）", "住所"))
        .line(List.of("0000000001", "ヤマダ タロウ", "埼玉県架空市本町1丁目2番3号 コーポ桜101号室")).encode(CsvEncoding.SHIFT_JIS);
    assertThat(encoded.bytes()[0]).isNotEqualTo((byte) 0xEF);
    assertThat(new String(encoded.bytes(), WINDOWS_31J)).isEqualTo("""
        "宛名番号","氏名（カナ）","住所"\r
        "0000000001","ヤマダ タロウ","埼玉県架空市本町1丁目2番3号 コーポ桜101号室"\r
        """);
    assertThat(encoded.replaced()).isZero();
  }

  @Test
  void shiftJisMapsTheWaveDashAndMarksCharactersItLacksWithGeta() {
    CsvFile.Encoded encoded = new CsvFile().line(List.of("10時〜12時", "髙橋 𠮷子")).encode(CsvEncoding.SHIFT_JIS);
    assertThat(new String(encoded.bytes(), WINDOWS_31J)).isEqualTo("\"10時～12時\",\"髙橋 〓子\"\r\n");
    assertThat(encoded.replaced()).isEqualTo(1);
  }

  @Test
  void quotesEveryCellAndKeepsSpreadsheetsFromRunningFormulas() {
    String text = new String(new CsvFile().line(Arrays.asList("a\"b", "=HYPERLINK(\"x\")", "-1", null, "改\n行"))
        .encode(CsvEncoding.UTF8_BOM).bytes(), StandardCharsets.UTF_8).substring(1);
    assertThat(text).isEqualTo("\"a\"\"b\",\"'=HYPERLINK(\"\"x\"\")\",\"'-1\",\"\",\"改\n行\"\r\n");
  }

  /** R12 (issue 15): full-width formula signs, the minus sign Shift_JIS turns into －, and a leading line feed. */
  @Test
  void R12_fullWidthFormulaSignsAndALeadingLineFeedAreDefusedToo() {
    List<String> cells = List.of("＝１＋１", "＋81", "－5", "＠SUM(A1)", "\n=1+1", "\u22123", "予防=接種", "1-2");
    String text = new String(new CsvFile().line(cells).encode(CsvEncoding.UTF8_BOM).bytes(), StandardCharsets.UTF_8)
        .substring(1);
    assertThat(text).isEqualTo("\"'＝１＋１\",\"'＋81\",\"'－5\",\"'＠SUM(A1)\",\"'\n=1+1\",\"'\u22123\",\"予防=接種\",\"1-2\"\r\n");
    assertThat(new String(new CsvFile().line(List.of("\u22123")).encode(CsvEncoding.SHIFT_JIS).bytes(), WINDOWS_31J))
        .isEqualTo("\"'－3\"\r\n");
  }
}
