package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server accepts only what a task's form declares (DESIGN: form payloads). */
class FormDefinitionTest {

  private FormDefinition form;

  @BeforeEach
  void load() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/forms/double-check-match.form")) {
      form = FormDefinition.parse(new ObjectMapper().readTree(in));
    }
  }

  @Test
  void acceptsDeclaredFieldsAndMarksProcessVariables() {
    assertThat(form.validate(Map.of("decision", "CONFIRM"))).containsExactly(Map.entry("decision", "CONFIRM"));
    assertThat(form.fields()).filteredOn(FormDefinition.Field::processVariable)
        .extracting(FormDefinition.Field::key).containsExactly("decision");
  }

  @Test
  void refusesAFieldTheFormDoesNotDeclare() {
    assertThatThrownBy(() -> form.validate(Map.of("decision", "CONFIRM", "approvedBy", "staff1")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage()).contains("フォームにない項目", "approvedBy");
          assertThat(e.fields()).containsKey("approvedBy");
        });
  }

  @Test
  void refusesAMissingRequiredField() {
    assertThatThrownBy(() -> form.validate(Map.of()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).containsEntry("decision", "判断を入力してください"));
  }

  @Test
  void refusesAValueOfTheWrongTypeOrOutsideTheChoices() {
    assertThatThrownBy(() -> form.validate(Map.of("decision", 1)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).containsKey("decision"));
    assertThatThrownBy(() -> form.validate(Map.of("decision", "APPROVE_ALL")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields().get("decision")).contains("選択肢"));
    assertThatThrownBy(() -> form.validate(Map.of("decision", List.of("CONFIRM"))))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void conditionalRequirementFollowsTheDecision() {
    assertThatThrownBy(() -> form.validate(Map.of("decision", "SEND_BACK")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).containsKey("reason"));
    assertThat(form.validate(Map.of("decision", "SEND_BACK", "reason", "住所不一致"))).containsKey("reason");
  }

  @Test
  void enforcesMaximumLength() {
    assertThatThrownBy(() -> form.validate(Map.of("decision", "SEND_BACK", "reason", "あ".repeat(501))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields().get("reason")).contains("500文字以内"));
  }

  @Test
  void aDateFieldTakesEraDatesFromMeijiToReiwaAndNamesTheEraOfAnImpossibleOne() throws Exception {
    FormDefinition start;
    try (InputStream in = getClass().getResourceAsStream("/forms/start-non-resident-confirmation.form")) {
      start = FormDefinition.parse(new ObjectMapper().readTree(in));
    }
    Map<String, Object> values = new java.util.HashMap<>(Map.of("nameKana", "シケン ハル", "sex", "FEMALE",
        "reason", "転入前の接種歴の確認", "birthDate", "大正14年3月3日"));
    assertThat(start.validate(values)).containsEntry("birthDate", "大正14年3月3日");

    values.put("birthDate", "平成35年1月1日");
    assertThatThrownBy(() -> start.validate(values)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.fields().get("birthDate")).contains("平成の期間（平成元年1月8日〜平成31年4月30日）にありません"));
  }

  /** Every kind of field at the edges of its rules, in a form with a group (nested components). */
  @Test
  void eachKindOfFieldIsCheckedAtTheEdgesOfItsRules() throws Exception {
    FormDefinition all = FormDefinition.parse(new ObjectMapper().readTree("""
        {"id": "AllKinds", "components": [
          {"type": "text", "text": "説明"},
          {"type": "group", "components": [
            {"type": "textfield", "key": "code", "label": "コード",
             "validate": {"minLength": 2, "maxLength": 3, "pattern": "[A-Z]+"}}]},
          {"type": "number", "key": "amount", "label": "金額", "validate": {"min": 0, "max": 10}},
          {"type": "checkbox", "key": "agreed", "label": "同意"},
          {"type": "checklist", "key": "items", "label": "書類",
           "values": [{"value": "A", "label": "書類A"}, {"value": "B", "label": "書類B"}]},
          {"type": "datetime", "key": "on", "dateLabel": "受付日", "subtype": "date"},
          {"type": "textfield", "label": "キーなし"}]}"""));
    assertThat(all.id()).isEqualTo("AllKinds");
    assertThat(all.schema().path("id").asText()).isEqualTo("AllKinds");
    assertThat(all.fields()).extracting(FormDefinition.Field::key)
        .containsExactly("code", "amount", "agreed", "items", "on");
    assertThat(all.field("on")).get().extracting(FormDefinition.Field::label, FormDefinition.Field::subtype)
        .containsExactly("受付日", "date");
    assertThat(all.field("items").orElseThrow().labelOf("B")).isEqualTo("書類B");
    assertThat(all.field("items").orElseThrow().labelOf("Z")).isEqualTo("Z");
    assertThat(all.field("amount").orElseThrow().labelOf(5)).isEqualTo("5");
    assertThat(all.field("nothing")).isEmpty();

    Map<String, Object> edges = Map.of("code", "AB", "amount", 0, "agreed", true, "items", List.of("A", "B"),
        "on", "2026-12-06");
    assertThat(all.validate(edges)).isEqualTo(edges);
    assertThat(all.validate(Map.of("code", "ABC", "amount", 10.0))).containsOnlyKeys("code", "amount");
    assertThat(all.validate(Map.of("code", " ", "items", List.of()))).isEmpty();

    assertRefused(all, "code", "A", "コードは2文字以上で入力してください");
    assertRefused(all, "code", "ABCD", "コードは3文字以内で入力してください");
    assertRefused(all, "code", "ab", "コードの形式が正しくありません");
    assertRefused(all, "code", 12, "コードは文字列で入力してください");
    assertRefused(all, "amount", -0.5, "金額は0.0以上で入力してください");
    assertRefused(all, "amount", 10.5, "金額は10.0以下で入力してください");
    assertRefused(all, "amount", "5", "金額は数値で入力してください");
    assertRefused(all, "agreed", "true", "同意は真偽値で指定してください");
    assertRefused(all, "items", List.of("A", "C"), "書類の選択肢にない値です");
    assertRefused(all, "items", List.of(1), "書類は文字列の一覧で指定してください");
    assertRefused(all, "items", "A", "書類は文字列の一覧で指定してください");
    assertRefused(all, "on", "2026-02-30", "受付日は日付で入力してください（例: 2024-04-01、令和6年4月1日）");
    assertRefused(all, "on", 20261206, "受付日は日付で入力してください（例: 2024-04-01、令和6年4月1日）");
    assertThatThrownBy(() -> FormDefinition.parse(new ObjectMapper().readTree("{\"components\": []}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FormDefinition.parse(new ObjectMapper().readTree("{\"id\": \" \"}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(FormDefinition form, String key, Object value, String message) {
    assertThatThrownBy(() -> form.validate(Map.of(key, value)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("入力内容に誤りがあります");
          assertThat(e.fields()).containsExactly(Map.entry(key, message));
        });
  }
}
