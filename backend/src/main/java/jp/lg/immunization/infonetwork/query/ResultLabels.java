package jp.lg.immunization.infonetwork.query;

import java.util.Map;

/** Japanese labels for the fields of a network answer. */
final class ResultLabels {

  private static final Map<String, String> LABELS = Map.of(
      "providedBy", "情報提供者",
      "doses", "接種記録",
      "taxStatus", "課税状況",
      "recipient", "生活保護受給",
      "certificate", "障害者手帳");

  private ResultLabels() {}

  static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }
}
