package jp.lg.immunization.vaccination;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvInput;

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
  private static final Set<DoseItem> REQUIRED_COLUMNS = Set.of(DoseItem.ADDRESSEE_NUMBER, DoseItem.VACCINE,
      DoseItem.DOSE_CATEGORY, DoseItem.DOSE_DATE, DoseItem.LOT_NUMBER, DoseItem.INSTITUTION, DoseItem.DOCTOR);

  private DoseBatchFile() {}

  static Parsed read(byte[] content, Encoding requested) {
    CsvInput.Decoded decoded = CsvInput.read(content, CsvInput.Encoding.valueOf(requested.name()));
    return new Parsed(Encoding.valueOf(decoded.encoding().name()), lines(decoded.records()));
  }

  static String label(Encoding encoding) {
    return CsvInput.label(CsvInput.Encoding.valueOf(encoding.name()));
  }

  private static List<Line> lines(List<CsvInput.Record> records) {
    if (records.isEmpty()) {
      throw ApiException.badRequest("empty_file", "ファイルが空です。1行目に項目名、2行目から接種記録を入れてください");
    }
    List<DoseItem> columns = header(records.get(0).fields());
    List<Line> lines = new ArrayList<>();
    for (CsvInput.Record record : records.subList(1, records.size())) {
      if (record.blank()) {
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
    return CsvInput.columns(names, DoseItem::byHeader, REQUIRED_COLUMNS, DoseItem::header);
  }
}
