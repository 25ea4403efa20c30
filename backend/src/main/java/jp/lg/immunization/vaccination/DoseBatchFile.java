package jp.lg.immunization.vaccination;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

  /** What the upload keeps of a file it has read through: the encoding read and the number of data lines. */
  record Counted(Encoding encoding, int lines) {}

  static final int MAX_ROWS = 200_000;
  private static final Set<DoseItem> REQUIRED_COLUMNS = Set.of(DoseItem.ADDRESSEE_NUMBER, DoseItem.VACCINE,
      DoseItem.DOSE_CATEGORY, DoseItem.DOSE_DATE, DoseItem.LOT_NUMBER, DoseItem.INSTITUTION, DoseItem.DOCTOR);

  private DoseBatchFile() {}

  /**
   * Reads the whole file without keeping its lines, so that a wrong header, a wrong encoding, too many lines or none
   * at all refuse it before anything is stored.
   */
  static Counted count(byte[] content, Encoding requested) {
    int[] lines = {0};
    Encoding encoding = read(content, requested, line -> lines[0]++);
    return new Counted(encoding, lines[0]);
  }

  /**
   * Hands the data lines to {@code each} in file order as they are read, never holding the file's text or all its
   * lines at once; a file that {@link #count} accepted is read the same way again.
   *
   * @return the encoding read
   */
  static Encoding read(byte[] content, Encoding requested, Consumer<Line> each) {
    Lines lines = new Lines(each);
    CsvInput.Encoding read = CsvInput.stream(content, CsvInput.Encoding.valueOf(requested.name()), lines::take);
    lines.finish();
    return Encoding.valueOf(read.name());
  }

  static String label(Encoding encoding) {
    return CsvInput.label(CsvInput.Encoding.valueOf(encoding.name()));
  }

  /** The records after the header as lines, with the checks of the whole file: its header, its number of lines. */
  private static final class Lines {

    private final Consumer<Line> each;
    private List<DoseItem> columns;
    private int count;

    Lines(Consumer<Line> each) {
      this.each = each;
    }

    void take(CsvInput.Record record) {
      if (columns == null) {
        columns = header(record.fields());
        return;
      }
      if (record.blank()) {
        return;
      }
      if (count == MAX_ROWS) {
        throw ApiException.badRequest("too_many_rows", "1ファイルは" + MAX_ROWS + "行までです。ファイルを分けてください");
      }
      Map<DoseItem, String> items = new EnumMap<>(DoseItem.class);
      for (int i = 0; i < Math.min(columns.size(), record.fields().size()); i++) {
        items.put(columns.get(i), record.fields().get(i));
      }
      count++;
      each.accept(new Line(record.line(), items, record.fields().size() == columns.size()));
    }

    void finish() {
      if (columns == null) {
        throw ApiException.badRequest("empty_file", "ファイルが空です。1行目に項目名、2行目から接種記録を入れてください");
      }
      if (count == 0) {
        throw ApiException.badRequest("empty_file", "接種記録の行がありません");
      }
    }
  }

  private static List<DoseItem> header(List<String> names) {
    return CsvInput.columns(names, DoseItem::byHeader, REQUIRED_COLUMNS, DoseItem::header);
  }
}
