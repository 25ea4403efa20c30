package jp.lg.immunization.workflow;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;

/**
 * What the task list is asked for: a view, filters and an order. Read from the request's parameters (or a saved
 * filter's) and refused with a Japanese message naming the parameter when one is wrong, so a bad bookmark or a
 * hand-edited URL never reaches SQL.
 *
 * @param resident 宛名番号 or part of a kana or kanji name, looked up through the audited resident search
 */
record InboxQuery(View view, String processKey, String taskKey, Due due, String group, String claimedBy,
                  LocalDate createdFrom, LocalDate createdTo, LocalDate dueFrom, LocalDate dueTo, String resident,
                  Sort sort, boolean descending) {

  /** mine: held by me; group: unclaimed in my groups; all: every open step of my groups; completed: done by me. */
  enum View { MINE, GROUP, ALL, COMPLETED }

  enum Due { OVERDUE, SOON }

  enum Sort { CREATED, DUE, PROCESS }

  /** The parameters a query (and so a saved filter) may hold; anything else is refused. */
  static final Set<String> PARAMETERS = Set.of("view", "processKey", "taskKey", "due", "group", "claimedBy",
      "createdFrom", "createdTo", "dueFrom", "dueTo", "resident", "sort", "direction");

  static InboxQuery of(Map<String, String> parameters) {
    Map<String, String> given = new LinkedHashMap<>();
    parameters.forEach((key, value) -> {
      if (value != null && !value.isBlank()) {
        given.put(key, value.trim());
      }
    });
    LocalDate createdFrom = date(given, "createdFrom");
    LocalDate createdTo = date(given, "createdTo");
    LocalDate dueFrom = date(given, "dueFrom");
    LocalDate dueTo = date(given, "dueTo");
    requireOrdered(createdFrom, createdTo, "createdTo", "作成日");
    requireOrdered(dueFrom, dueTo, "dueTo", "期限");
    String resident = given.get("resident");
    if (resident != null && resident.length() > 40) {
      throw invalid("resident", "住民の検索語は40文字以内で入力してください");
    }
    String direction = given.getOrDefault("direction", "asc");
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw invalid("direction", "並び順は asc（昇順）か desc（降順）を指定してください");
    }
    return new InboxQuery(choice(given, "view", View.class, View.MINE, "表示"), key(given, "processKey"),
        key(given, "taskKey"), choice(given, "due", Due.class, null, "期限の状態"), key(given, "group"),
        key(given, "claimedBy"), createdFrom, createdTo, dueFrom, dueTo, resident,
        choice(given, "sort", Sort.class, Sort.CREATED, "並べ替え"), direction.equals("desc"));
  }

  /** Rejects parameters that no query knows (a saved filter keeps only these). */
  static void requireKnown(Map<String, String> parameters) {
    parameters.keySet().stream().filter(key -> !PARAMETERS.contains(key)).findFirst().ifPresent(key -> {
      throw invalid(key, "「" + key + "」は一覧の条件にありません");
    });
  }

  private static <E extends Enum<E>> E choice(Map<String, String> given, String name, Class<E> type, E fallback,
                                              String label) {
    String text = given.get(name);
    if (text == null) {
      return fallback;
    }
    // dueSoon and due-soon are how people and URLs write SOON.
    String constant = text.replace("-", "").toUpperCase(Locale.ROOT).replace("DUESOON", "SOON");
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(constant)) {
        return value;
      }
    }
    throw invalid(name, label + "の指定「" + text + "」は使えません");
  }

  /** Process and step keys, group and user names: letters, digits and a few separators, as the BPMN writes them. */
  private static String key(Map<String, String> given, String name) {
    String text = given.get(name);
    if (text != null && !text.matches("[A-Za-z0-9_.\\-]{1,100}")) {
      throw invalid(name, "「" + name + "」の指定が正しくありません");
    }
    return text;
  }

  private static LocalDate date(Map<String, String> given, String name) {
    String text = given.get(name);
    if (text == null) {
      return null;
    }
    return JapaneseDates.parse(text)
        .orElseThrow(() -> invalid(name, "日付を正しく入力してください（例: 令和8年4月1日、2026-04-01）"));
  }

  private static void requireOrdered(LocalDate from, LocalDate to, String field, String label) {
    if (from != null && to != null && to.isBefore(from)) {
      throw invalid(field, label + "の終わりが始まりより前です");
    }
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(message, Map.of(field, message));
  }
}
