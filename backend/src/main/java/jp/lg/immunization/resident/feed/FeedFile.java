package jp.lg.immunization.resident.feed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvInput;

/**
 * A file of the resident register feed: CSV in UTF-8 or Shift_JIS, a header line of Japanese item names (FeedItem)
 * in any order, then one 異動 per line. A wrong header refuses the whole file at once; lines are checked later.
 */
final class FeedFile {

  /** A data line: its line number in the file (the header is line 1), its items, and whether its columns fit. */
  record Line(int line, Map<FeedItem, String> items, boolean columnsMatch) {}

  record Parsed(CsvInput.Encoding encoding, List<Line> lines) {}

  static final int MAX_LINES = 250_000;
  private static final Set<FeedItem> REQUIRED_COLUMNS = Set.of(FeedItem.EVENT_SERIAL, FeedItem.EVENT,
      FeedItem.MOVED_ON, FeedItem.ADDRESSEE_NUMBER);

  private FeedFile() {}

  static Parsed read(byte[] content, CsvInput.Encoding encoding) {
    CsvInput.Decoded decoded = CsvInput.read(content, encoding);
    List<CsvInput.Record> records = decoded.records();
    if (records.isEmpty()) {
      throw ApiException.badRequest("empty_file", "ファイルが空です。1行目に項目名、2行目から異動を入れてください");
    }
    List<FeedItem> columns = header(records.get(0).fields());
    List<Line> lines = new ArrayList<>();
    for (CsvInput.Record record : records.subList(1, records.size())) {
      if (record.blank()) {
        continue;
      }
      if (lines.size() == MAX_LINES) {
        throw ApiException.badRequest("too_many_rows", "1ファイルは" + MAX_LINES + "行までです。ファイルを分けてください");
      }
      Map<FeedItem, String> items = new EnumMap<>(FeedItem.class);
      for (int i = 0; i < Math.min(columns.size(), record.fields().size()); i++) {
        items.put(columns.get(i), record.fields().get(i).strip());
      }
      lines.add(new Line(record.line(), items, record.fields().size() == columns.size()));
    }
    if (lines.isEmpty()) {
      throw ApiException.badRequest("empty_file", "異動の行がありません");
    }
    return new Parsed(decoded.encoding(), lines);
  }

  private static List<FeedItem> header(List<String> names) {
    return CsvInput.columns(names, FeedItem::byHeader, REQUIRED_COLUMNS, FeedItem::header);
  }
}
