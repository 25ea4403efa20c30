package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files are read as they are streamed through a small buffer: what spans the buffer's edge reads the same. */
class CsvInputTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndLineBreaksAndRecordsStartOnTheirOwnLine() {
    String text = "宛名番号,備考\r\n0000000001,\"髙橋, ①\"\"再\"\"\"\r\n0000000002,\"二行\r\nの備考\"\n\n0000000003,";
    List<CsvInput.Record> records = new ArrayList<>();
    CsvInput.Encoding read = CsvInput.stream(text.getBytes(StandardCharsets.UTF_8), CsvInput.Encoding.AUTO,
        records::add);
    assertThat(read).isEqualTo(CsvInput.Encoding.UTF_8);
    assertThat(records).containsExactly(new CsvInput.Record(1, List.of("宛名番号", "備考")),
        new CsvInput.Record(2, List.of("0000000001", "髙橋, ①\"再\"")),
        new CsvInput.Record(3, List.of("0000000002", "二行\r\nの備考")),
        new CsvInput.Record(5, List.of("")),
        new CsvInput.Record(6, List.of("0000000003", "")));
    assertThat(records.get(3).blank()).isTrue();
  }

  @Test
  void aLargeShiftJisFileIsDetectedAndReadWholeAcrossTheBuffersEdges() {
    StringBuilder text = new StringBuilder("宛名番号,氏名\r\n");
    int lines = 20_000;
    for (int i = 0; i < lines; i++) {
      text.append(String.format("%010d", i)).append(",\"髙橋 ①子").append(i % 7 == 1 ? "\r\n二行目" : "")
          .append("\"\r\n");
    }
    byte[] sjis = text.toString().getBytes(WINDOWS_31J);
    List<CsvInput.Record> records = new ArrayList<>();
    assertThat(CsvInput.stream(sjis, CsvInput.Encoding.AUTO, records::add)).isEqualTo(CsvInput.Encoding.SHIFT_JIS);
    assertThat(records).hasSize(lines + 1);
    assertThat(records.get(lines)).isEqualTo(new CsvInput.Record(records.get(lines - 1).line() + 1,
        List.of(String.format("%010d", lines - 1), "髙橋 ①子")));
    assertThat(CsvInput.read(sjis, CsvInput.Encoding.SHIFT_JIS).records()).isEqualTo(records);
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstName() {
    byte[] bom = "\uFEFF宛名番号\n1\n".getBytes(StandardCharsets.UTF_8);
    CsvInput.Decoded decoded = CsvInput.read(bom, CsvInput.Encoding.AUTO);
    assertThat(decoded.encoding()).isEqualTo(CsvInput.Encoding.UTF_8);
    assertThat(decoded.records().get(0).fields()).containsExactly("宛名番号");
  }

  @Test
  void bytesThatAreNotTextInTheChosenEncodingAreRefusedWithAClearMessage() {
    StringBuilder text = new StringBuilder("宛名番号\n");
    for (int i = 0; i < 10_000; i++) {
      text.append("住民").append(i).append('\n');
    }
    byte[] sjis = text.toString().getBytes(WINDOWS_31J);
    assertThatThrownBy(() -> CsvInput.stream(sjis, CsvInput.Encoding.UTF_8, record -> { }))
        .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.error()).isEqualTo("unreadable_file"))
        .hasMessageContaining("UTF-8として読めません");
    // Valid UTF-8 up to a truncated last character, far beyond the first buffer.
    byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] truncated = Arrays.copyOf(utf8, utf8.length + 1);
    truncated[utf8.length] = (byte) 0xE3;
    assertThatThrownBy(() -> CsvInput.read(truncated, CsvInput.Encoding.UTF_8))
        .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.error()).isEqualTo("unreadable_file"));
  }
}
