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
}
