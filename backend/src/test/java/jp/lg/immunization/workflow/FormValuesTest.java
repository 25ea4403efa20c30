package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step handler reads typed values made from what the form validated, and start-up knows when it cannot. */
class FormValuesTest {

  enum Decision { APPROVE, REJECT }

  record Typed(String note, Decision decision, LocalDate decidedOn, Integer amount, BigDecimal rate, boolean urgent,
               List<Decision> decisions, List<String> tags) {}

  record Mistyped(Integer note, LocalDate amount, String urgent, List<String> decidedOn) {}

  enum TooFew { APPROVE }

  record NarrowEnum(TooFew decision) {}

  record UnknownField(String remarks) {}

  private static final FormDefinition FORM = form("""
      {"id": "Sample", "components": [
        {"key": "note", "type": "textarea", "label": "備考"},
        {"key": "decision", "type": "radio", "label": "判断",
         "values": [{"value": "APPROVE", "label": "承認"}, {"value": "REJECT", "label": "差戻し"}]},
        {"key": "decidedOn", "type": "datetime", "subtype": "date", "dateLabel": "判断日"},
        {"key": "amount", "type": "number", "label": "額"},
        {"key": "rate", "type": "number", "label": "率"},
        {"key": "urgent", "type": "checkbox", "label": "至急"},
        {"key": "decisions", "type": "checklist", "label": "判断の一覧",
         "values": [{"value": "APPROVE", "label": "承認"}, {"value": "REJECT", "label": "差戻し"}]},
        {"key": "tags", "type": "taglist", "label": "タグ"}
      ]}""");

  @Test
  void makesTheRecordFromValidatedValuesWithDatesNumbersEnumsAndLists() {
    Typed typed = FormValues.read(Typed.class, Map.of("note", "確認済み", "decision", "REJECT",
        "decidedOn", "2026-04-01", "amount", 1200, "rate", 0.5, "urgent", true,
        "decisions", List.of("APPROVE", "REJECT"), "tags", List.of("至急")));

    assertThat(typed).isEqualTo(new Typed("確認済み", Decision.REJECT, LocalDate.of(2026, 4, 1), 1200,
        new BigDecimal("0.5"), true, List.of(Decision.APPROVE, Decision.REJECT), List.of("至急")));
  }

  @Test
  void anEmptyFieldIsNullFalseOrAnEmptyList() {
    assertThat(FormValues.read(Typed.class, Map.of()))
        .isEqualTo(new Typed(null, null, null, null, null, false, List.of(), List.of()));
  }

  @Test
  void aRecordThatFitsTheFormHasNoMisfits() {
    assertThat(FormValues.misfits(Typed.class, FORM)).isEmpty();
  }

  @Test
  void eachComponentOfAnotherTypeThanItsFieldIsAMisfit() {
    assertThat(FormValues.misfits(Mistyped.class, FORM)).containsExactly(
        "field 'note' of form Sample (textarea): needs String or an enum, not Integer",
        "field 'amount' of form Sample (number): a number field needs Integer, Long, BigDecimal or Double, not LocalDate",
        "field 'urgent' of form Sample (checkbox): a checkbox needs boolean, not String",
        "field 'decidedOn' of form Sample (datetime): a date field needs LocalDate, not List");
  }

  @Test
  void anEnumMustHaveEveryOptionOfItsField() {
    assertThat(FormValues.misfits(NarrowEnum.class, FORM))
        .containsExactly("field 'decision' of form Sample (radio): options [REJECT] are not constants of TooFew");
  }

  @Test
  void aComponentWithoutItsFieldIsAMisfit() {
    assertThat(FormValues.misfits(UnknownField.class, FORM))
        .containsExactly("field 'remarks' read by FormValuesTest.UnknownField is not in form Sample");
  }

  private static FormDefinition form(String json) {
    try {
      return FormDefinition.parse(new ObjectMapper().readTree(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
