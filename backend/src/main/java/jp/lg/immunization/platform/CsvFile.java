package jp.lg.immunization.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as Excel reads it (RFC 4180: every cell quoted, CRLF line ends). Cells that a spreadsheet would run
 * as a formula get a leading apostrophe. In Shift_JIS, characters it lacks become 〓 (the 下駄記号 used for that
 * in Japanese print), after the few that only differ in their Unicode mapping are mapped to the CP932 ones.
 */
public final class CsvFile {

  /** @param replaced how many characters Shift_JIS could not hold and that became 〓 */
  public record Encoded(byte[] bytes, int replaced) {}

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String UNREPRESENTABLE = "〓";
  // JIS X 0208 code points as other systems map them → the CP932 mapping of the same character.
  private static final Map<Integer, Integer> CP932_EQUIVALENTS = Map.of(
      0x301C, 0xFF5E, // 〜 WAVE DASH → ～
      0x2016, 0x2225, // ‖ → ∥
      0x2212, 0xFF0D, // − MINUS SIGN → －
      0x00A2, 0xFFE0, // ¢
      0x00A3, 0xFFE1, // £
      0x00AC, 0xFFE2, // ¬
      0x2014, 0x2015); // — EM DASH → ―

  /**
   * What a spreadsheet may take as the start of a formula: the ASCII signs, their full-width forms (Excel in Japanese
   * reads ＝１＋１ as a formula), the minus sign that becomes － in Shift_JIS, and the control characters it skips.
   */
  private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\u2212";

  private final StringBuilder text = new StringBuilder();

  public CsvFile line(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append('"').append(guard(cells.get(i)).replace("\"", "\"\"")).append('"');
    }
    text.append("\r\n");
    return this;
  }

  public Encoded encode(CsvEncoding encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 3);
    if (encoding.byteOrderMark()) {
      out.writeBytes(UTF8_BOM);
    }
    if (encoding == CsvEncoding.UTF8_BOM) {
      out.writeBytes(text.toString().getBytes(encoding.charset()));
      return new Encoded(out.toByteArray(), 0);
    }
    CharsetEncoder encoder = encoding.charset().newEncoder();
    StringBuilder representable = new StringBuilder(text.length());
    int[] replaced = {0};
    text.codePoints().forEach(codePoint -> {
      String character = Character.toString(CP932_EQUIVALENTS.getOrDefault(codePoint, codePoint));
      if (encoder.canEncode(character)) {
        representable.append(character);
      } else {
        representable.append(UNREPRESENTABLE);
        replaced[0]++;
      }
    });
    out.writeBytes(representable.toString().getBytes(encoding.charset()));
    return new Encoded(out.toByteArray(), replaced[0]);
  }

  /** Keeps a spreadsheet from running a cell as a formula (CSV injection). */
  private static String guard(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
