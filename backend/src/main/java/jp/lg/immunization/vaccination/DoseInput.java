package jp.lg.immunization.vaccination;

import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;

/**
 * The text of one dose record as entered at the counter or read from a clinic's CSV line, cleaned the way clerks
 * expect: full-width letters and digits become half-width (NFKC), surrounding spaces go, empty means absent.
 */
final class DoseInput {

  private final Map<DoseItem, String> values;

  private DoseInput(Map<DoseItem, String> values) {
    this.values = values;
  }

  static DoseInput of(Map<DoseItem, String> raw) {
    Map<DoseItem, String> cleaned = new EnumMap<>(DoseItem.class);
    raw.forEach((item, text) -> {
      String value = clean(text);
      if (value != null) {
        cleaned.put(item, value);
      }
    });
    return new DoseInput(cleaned);
  }

  /** From the API's item keys; an unknown key is a mistake of the client, reported rather than dropped. */
  static DoseInput fromKeys(Map<String, String> byKey) {
    Map<DoseItem, String> raw = new EnumMap<>(DoseItem.class);
    Map<String, String> unknown = new LinkedHashMap<>();
    byKey.forEach((key, value) -> DoseItem.byKey(key).ifPresentOrElse(item -> raw.put(item, value),
        () -> unknown.put(key, "この項目は接種記録にありません")));
    if (!unknown.isEmpty()) {
      throw ApiException.invalid("接種記録にない項目が含まれています", unknown);
    }
    return of(raw);
  }

  String get(DoseItem item) {
    return values.get(item);
  }

  boolean has(DoseItem item) {
    return values.containsKey(item);
  }

  DoseInput with(DoseItem item, String value) {
    Map<DoseItem, String> copy = new EnumMap<>(DoseItem.class);
    copy.putAll(values);
    String cleaned = clean(value);
    if (cleaned == null) {
      copy.remove(item);
    } else {
      copy.put(item, cleaned);
    }
    return new DoseInput(copy);
  }

  /** By API key, for storing a row and showing it again. */
  Map<String, String> byKey() {
    Map<String, String> byKey = new LinkedHashMap<>();
    values.forEach((item, value) -> byKey.put(item.key(), value));
    return Collections.unmodifiableMap(byKey);
  }

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String value = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    return value.isEmpty() ? null : value;
  }
}
