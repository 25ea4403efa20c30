package jp.lg.immunization.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;

/**
 * A Camunda Form (form-js schema) as the server enforces it: only the declared fields, with their
 * types, required flags, lengths, patterns and allowed values. Two custom properties extend the
 * schema: {@code processVariable} marks a field that the process needs as a variable (decisions and
 * codes; everything else stays out of the engine) and {@code requiredWhen} ("field=VALUE") makes a
 * field required depending on another one.
 */
final class FormDefinition {

  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime", "taglist");

  record Field(String key, String label, String type, String subtype, boolean required, Integer minLength,
               Integer maxLength, Pattern pattern, Double min, Double max, Map<String, String> options,
               boolean processVariable, String requiredWhenField, String requiredWhenValue) {

    String labelOf(Object value) {
      return options.isEmpty() ? String.valueOf(value) : options.getOrDefault(String.valueOf(value), String.valueOf(value));
    }
  }

  private final String id;
  private final JsonNode schema;
  private final Map<String, Field> fields;

  private FormDefinition(String id, JsonNode schema, Map<String, Field> fields) {
    this.id = id;
    this.schema = schema;
    this.fields = fields;
  }

  static FormDefinition parse(JsonNode schema) {
    String id = schema.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A form needs an id");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields);
    return new FormDefinition(id, schema, fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      JsonNode properties = component.path("properties");
      Map<String, String> options = new LinkedHashMap<>();
      component.path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
      String[] requiredWhen = properties.path("requiredWhen").asText("").split("=", 2);
      String key = component.get("key").asText();
      fields.put(key, new Field(key, labelOf(component, key), type,
          component.path("subtype").asText(null), validate.path("required").asBoolean(false),
          intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"),
          validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
          doubleOrNull(validate, "min"), doubleOrNull(validate, "max"), options,
          properties.path("processVariable").asText("false").equals("true"),
          requiredWhen.length == 2 ? requiredWhen[0].trim() : null,
          requiredWhen.length == 2 ? requiredWhen[1].trim() : null));
    }
  }

  /** Date fields carry their label as dateLabel. */
  private static String labelOf(JsonNode component, String key) {
    return component.hasNonNull("label") ? component.get("label").asText()
        : component.path("dateLabel").asText(key);
  }

  String id() {
    return id;
  }

  JsonNode schema() {
    return schema;
  }

  Collection<Field> fields() {
    return fields.values();
  }

  Optional<Field> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /**
   * Checks submitted values against the form and returns only the declared, non-empty ones.
   * Nothing is accepted partly: one problem refuses the whole submission.
   */
  Map<String, Object> validate(Map<String, Object> submitted) {
    Map<String, String> problems = new LinkedHashMap<>();
    submitted.keySet().stream().filter(key -> !fields.containsKey(key))
        .forEach(key -> problems.put(key, "このフォームにない項目です"));
    Map<String, Object> accepted = new LinkedHashMap<>();
    for (Field field : fields.values()) {
      Object value = submitted.get(field.key());
      if (isEmpty(value)) {
        if (field.required() || requiredByCondition(field, submitted)) {
          problems.put(field.key(), field.label() + "を入力してください");
        }
        continue;
      }
      String problem = check(field, value);
      if (problem != null) {
        problems.put(field.key(), problem);
      } else {
        accepted.put(field.key(), value);
      }
    }
    if (!problems.isEmpty()) {
      boolean unknownOnly = problems.values().stream().allMatch("このフォームにない項目です"::equals);
      throw ApiException.invalid(unknownOnly
          ? "フォームにない項目が送信されました: " + String.join(", ", problems.keySet())
          : "入力内容に誤りがあります", problems);
    }
    return accepted;
  }

  private static boolean requiredByCondition(Field field, Map<String, Object> submitted) {
    return field.requiredWhenField() != null
        && field.requiredWhenValue().equals(String.valueOf(submitted.get(field.requiredWhenField())));
  }

  private static String check(Field field, Object value) {
    return switch (field.type()) {
      case "number" -> checkNumber(field, value);
      case "checkbox" -> value instanceof Boolean ? null : field.label() + "は真偽値で指定してください";
      case "checklist", "taglist" -> checkList(field, value);
      case "datetime" -> checkDate(field, value);
      default -> checkText(field, value);
    };
  }

  private static String checkText(Field field, Object value) {
    if (!(value instanceof String text)) {
      return field.label() + "は文字列で入力してください";
    }
    if (!field.options().isEmpty() && !field.options().containsKey(text)) {
      return field.label() + "の選択肢にない値です";
    }
    if (field.minLength() != null && text.codePointCount(0, text.length()) < field.minLength()) {
      return field.label() + "は" + field.minLength() + "文字以上で入力してください";
    }
    if (field.maxLength() != null && text.codePointCount(0, text.length()) > field.maxLength()) {
      return field.label() + "は" + field.maxLength() + "文字以内で入力してください";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
      return field.label() + "の形式が正しくありません";
    }
    return null;
  }

  private static String checkNumber(Field field, Object value) {
    if (!(value instanceof Number number)) {
      return field.label() + "は数値で入力してください";
    }
    if (field.min() != null && number.doubleValue() < field.min()) {
      return field.label() + "は" + field.min() + "以上で入力してください";
    }
    if (field.max() != null && number.doubleValue() > field.max()) {
      return field.label() + "は" + field.max() + "以下で入力してください";
    }
    return null;
  }

  private static String checkList(Field field, Object value) {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      return field.label() + "は文字列の一覧で指定してください";
    }
    if (!field.options().isEmpty() && !field.options().keySet().containsAll(new ArrayList<>(list))) {
      return field.label() + "の選択肢にない値です";
    }
    return null;
  }

  private static String checkDate(Field field, Object value) {
    if (!(value instanceof String text)) {
      return field.label() + "は日付で入力してください（例: 2024-04-01、令和6年4月1日）";
    }
    if (JapaneseDates.parse(text).isPresent()) {
      return null;
    }
    return field.label() + "は日付で入力してください（例: 2024-04-01、令和6年4月1日）"
        + JapaneseDates.problem(text).map(problem -> "。" + problem).orElse("");
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isBlank())
        || (value instanceof Collection<?> collection && collection.isEmpty());
  }

  private static Integer intOrNull(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asInt() : null;
  }

  private static Double doubleOrNull(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asDouble() : null;
  }
}
