package jp.lg.immunization.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings staff may choose for a CSV file: UTF-8 with a BOM (Excel reads it as UTF-8), or Shift_JIS. */
public enum CsvEncoding {
  UTF8_BOM(StandardCharsets.UTF_8, "UTF-8", true),
  /** Microsoft's Shift_JIS (windows-31j, CP932), which is what Japanese Windows and Excel mean by Shift_JIS. */
  SHIFT_JIS(Charset.forName("windows-31j"), "Windows-31J", false);

  private final Charset charset;
  private final String mimeCharset;
  private final boolean byteOrderMark;

  CsvEncoding(Charset charset, String mimeCharset, boolean byteOrderMark) {
    this.charset = charset;
    this.mimeCharset = mimeCharset;
    this.byteOrderMark = byteOrderMark;
  }

  public Charset charset() {
    return charset;
  }

  public String contentType() {
    return "text/csv; charset=" + mimeCharset;
  }

  public boolean byteOrderMark() {
    return byteOrderMark;
  }
}
