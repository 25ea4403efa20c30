package jp.lg.immunization.infonetwork.fukuhon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.vaccination.DoseRecords;

/**
 * The format of a 予防接種 副本: {"doses":[{"vaccine","category","date"}]}, prepared from the master
 * record and checked before anything is registered (R23).
 */
final class FukuhonFormat {

  private FukuhonFormat() {}

  static JsonNode fromDoses(ObjectMapper json, List<DoseRecords.Dose> doses) {
    ObjectNode content = json.createObjectNode();
    ArrayNode entries = content.putArray("doses");
    doses.forEach(dose -> entries.addObject()
        .put("vaccine", dose.vaccine())
        .put("category", dose.doseCategory())
        .put("date", dose.doseDate().toString()));
    return content;
  }

  /** Every problem found, in Japanese, each naming the entry; empty when the content is well formed. */
  static List<String> problems(JsonNode content, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (content == null || !content.isObject() || !content.path("doses").isArray()) {
      problems.add("副本の形式が正しくありません（doses の一覧がありません）");
      return problems;
    }
    int index = 0;
    for (JsonNode dose : content.get("doses")) {
      index++;
      requireText(dose, "vaccine", 20, "接種種別", index, problems);
      requireText(dose, "category", 40, "接種区分", index, problems);
      String date = dose.path("date").asText("");
      try {
        if (LocalDate.parse(date).isAfter(today)) {
          problems.add(index + "件目: 接種年月日が未来の日付です");
        }
      } catch (DateTimeParseException e) {
        problems.add(index + "件目: 接種年月日の形式が正しくありません（" + date + "）");
      }
    }
    return problems;
  }

  private static void requireText(JsonNode dose, String field, int maxLength, String label, int index,
                                  List<String> problems) {
    String value = dose.path(field).asText("");
    if (value.isBlank() || value.length() > maxLength) {
      problems.add(index + "件目: " + label + "がないか長すぎます");
    }
  }
}
