package jp.lg.immunization.resident;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first pages of a name part with more matches than {@link ResidentSearch#COUNT_LIMIT}, read in their order rather
 * than sorted: the names that start with the part are a range of the kana-order index (V98), and the others are
 * found by walking that index from its start, where a part this common turns up within a few thousand entries. Same
 * order as the sorted search: prefix matches first, then by kana, then by id.
 */
final class KanaOrderWalk {

  /** The kana half of search_text, ordered by code point whatever the database's collation (V98 indexes it). */
  static final String KANA = "(split_part(search_text, ' ', 2) collate \"C\")";
  private static final String TEXT = "(search_text collate \"C\")";
  private static final int BATCH = 2_000;

  private KanaOrderWalk() {}

  /** The ids of the page from {@code offset}, in the search's order. */
  static List<Long> page(JdbcTemplate jdbc, String part, int offset, int size) {
    int wanted = offset + size;
    // Whatever starts with the part sorts from the part itself up to its successor, so those names are a range.
    String successor = part.substring(0, part.offsetByCodePoints(part.length(), -1))
        + Character.toString(part.codePointBefore(part.length()) + 1);
    // The kana half's prefix matches are read from the index in order; the kanji half's, for a kana part, are few.
    List<Long> ordered = new ArrayList<>(jdbc.queryForList("select id from ((select id, " + KANA + " as kana"
        + " from resident where " + KANA + " >= ? and " + KANA + " < ? order by " + KANA + ", id limit ?)"
        + " union all (select id, " + KANA + " from resident where " + TEXT + " >= ? and " + TEXT + " < ?"
        + " and not (" + KANA + " >= ? and " + KANA + " < ?) order by " + KANA + ", id limit ?)) prefixed"
        + " order by kana, id limit ?",
        Long.class, part, successor, wanted, part, successor, part, successor, wanted, wanted));
    String[] after = null;
    while (ordered.size() < wanted) {
      List<String[]> batch = jdbc.query("select id, " + KANA + ", search_text from resident"
          + (after == null ? "" : " where (" + KANA + ", id) > (?, ?::bigint)")
          + " order by " + KANA + ", id limit " + BATCH,
          (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
          after == null ? new Object[0] : new Object[] {after[1], after[0]});
      for (String[] row : batch) {
        String searchText = row[2];
        if (searchText.contains(part) && !searchText.startsWith(part) && !row[1].startsWith(part)) {
          ordered.add(Long.valueOf(row[0]));
          if (ordered.size() == wanted) {
            break;
          }
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.get(batch.size() - 1);
    }
    return ordered.subList(Math.min(offset, ordered.size()), Math.min(wanted, ordered.size()));
  }
}
