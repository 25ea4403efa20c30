package jp.lg.immunization.vaccination;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.ApiException;

/**
 * A clinic's CSV of dose records: UTF-8 (with or without BOM) or Shift_JIS as Japanese clinic software writes it
 * (read as windows-31j, which also covers NEC and IBM extension characters such as ① and 髙), quoted fields with
 * commas and line breaks, and a header line naming the items in Japanese (DoseItem headers).
 */
final class DoseBatchFile {

  enum Encoding { AUTO, UTF_8, SHIFT_JIS }

  /** A data line: its line number in the file (the header is line 1), its items, and whether its columns fit. */
  record Line(int line, Map<DoseItem, String> items, boolean columnsMatch) {}

  record Parsed(Encoding encoding, List<Line> lines) {}

  static final int MAX_ROWS = 200_000;
  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Set<DoseItem> REQUIRED_COLUMNS = Set.of(DoseItem.ADDRESSEE_NUMBER, DoseItem.VACCINE,
      DoseItem.DOSE_CATEGORY, DoseItem.DOSE_DATE, DoseItem.LOT_NUMBER, DoseItem.INSTITUTION, DoseItem.DOCTOR);

  private DoseBatchFile() {}

  static Parsed read(byte[] content, Encoding requested) {
    Encoding encoding = requested == Encoding.AUTO ? detect(content) : requested;
    String text;
    try {
      text = decoder(encoding).decode(ByteBuffer.wrap(withoutBom(content))).toString();
    } catch (CharacterCodingException wrongEncoding) {
      throw ApiException.badRequest("unreadable_file", "ファイルを" + label(encoding)
          + "として読めません。文字コードの指定を確認してください");
    }
    return new Parsed(encoding, lines(text));
  }

  static String label(Encoding encoding) {
    return encoding == Encoding.SHIFT_JIS ? "Shift_JIS" : "UTF-8";
  }

  /** UTF-8 when it has a BOM or decodes cleanly; otherwise the Shift_JIS that most clinic software writes. */
  private static Encoding detect(byte[] content) {
    if (startsWithBom(content)) {
      return Encoding.UTF_8;
    }
    try {
      decoder(Encoding.UTF_8).decode(ByteBuffer.wrap(content));
      return Encoding.UTF_8;
    } catch (CharacterCodingException notUtf8) {
      return Encoding.SHIFT_JIS;
    }
  }

  private static CharsetDecoder decoder(Encoding encoding) {
    return (encoding == Encoding.SHIFT_JIS ? SHIFT_JIS : StandardCharsets.UTF_8).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1] && content[2] == UTF8_BOM[2];
  }

  private static byte[] withoutBom(byte[] content) {
    return startsWithBom(content) ? Arrays.copyOfRange(content, 3, content.length) : content;
  }

  private static List<Line> lines(String text) {
    List<Record> records = records(text);
    if (records.isEmpty()) {
      throw ApiException.badRequest("empty_file", "ファイルが空です。1行目に項目名、2行目から接種記録を入れてください");
    }
    List<DoseItem> columns = header(records.get(0).fields());
    List<Line> lines = new ArrayList<>();
    for (Record record : records.subList(1, records.size())) {
      if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
        continue;
      }
      if (lines.size() == MAX_ROWS) {
        throw ApiException.badRequest("too_many_rows", "1ファイルは" + MAX_ROWS + "行までです。ファイルを分けてください");
      }
      Map<DoseItem, String> items = new EnumMap<>(DoseItem.class);
      for (int i = 0; i < Math.min(columns.size(), record.fields().size()); i++) {
        items.put(columns.get(i), record.fields().get(i));
      }
      lines.add(new Line(record.line(), items, record.fields().size() == columns.size()));
    }
    if (lines.isEmpty()) {
      throw ApiException.badRequest("empty_file", "接種記録の行がありません");
    }
    return lines;
  }

  private static List<DoseItem> header(List<String> names) {
    List<DoseItem> columns = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<DoseItem> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : names) {
      DoseItem item = DoseItem.byHeader(name).orElse(null);
      if (item == null) {
        unknown.add(name);
      } else if (!seen.add(item)) {
        repeated.add(name);
      }
      columns.add(item);
    }
    List<String> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add("不明な項目名 " + String.join("、", unknown));
    }
    if (!repeated.isEmpty()) {
      problems.add("重複した項目名 " + String.join("、", repeated));
    }
    List<String> missing = REQUIRED_COLUMNS.stream().filter(item -> !seen.contains(item))
        .sorted().map(DoseItem::header).toList();
    if (!missing.isEmpty()) {
      problems.add("必須の項目名がありません（" + String.join("、", missing) + "）");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("bad_header", "1行目の項目名が正しくありません: " + String.join("。", problems));
    }
    return columns;
  }

  private record Record(int line, List<String> fields) {}

  /** RFC 4180: fields in double quotes may hold commas, doubled quotes and line breaks; CRLF or LF ends a record. */
  private static List<Record> records(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(recordLine, List.copyOf(fields)));
        fields.clear();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }
}
