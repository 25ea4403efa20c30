package jp.lg.immunization.relief;

import static org.assertj.core.api.Assertions.assertThat;

import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The benefit table processes/relief-benefits.dmn, case by case (DOMAIN 4): which benefits each class can claim. */
@IntegrationTest
class ReliefBenefitsTableTest {

  @Autowired ReliefBenefitRules rules;

  @ParameterizedTest(name = "{0}類 {1}: {2}")
  @CsvSource({
      "A, MEDICAL_EXPENSES, true",
      "A, MEDICAL_ALLOWANCE, true",
      "A, CHILD_DISABILITY_PENSION, true",
      "A, DISABILITY_PENSION, true",
      "A, DEATH_LUMP_SUM, true",
      "A, SURVIVOR_PENSION, false",
      "A, SURVIVOR_LUMP_SUM, false",
      "A, FUNERAL_EXPENSES, true",
      "A, NURSING_CARE_ADDITION, true",
      "B, MEDICAL_EXPENSES, true",
      "B, MEDICAL_ALLOWANCE, true",
      "B, CHILD_DISABILITY_PENSION, true",
      "B, DISABILITY_PENSION, true",
      "B, DEATH_LUMP_SUM, false",
      "B, SURVIVOR_PENSION, true",
      "B, SURVIVOR_LUMP_SUM, true",
      "B, FUNERAL_EXPENSES, true",
      "B, NURSING_CARE_ADDITION, false",
  })
  void benefitsByVaccinationClass(String vaccinationClass, BenefitType benefit, boolean possible) {
    assertThat(rules.possible(vaccinationClass).containsKey(benefit)).isEqualTo(possible);
  }

  @ParameterizedTest(name = "B類 {0}: {1}")
  @CsvSource({
      "MEDICAL_EXPENSES, 入院相当",
      "MEDICAL_ALLOWANCE, 入院相当",
      "SURVIVOR_PENSION, 死亡から5年以内（給付済みなら2年以内）",
      "SURVIVOR_LUMP_SUM, 死亡から5年以内（給付済みなら2年以内）",
  })
  void bClassConditionsAreReadableInTheTable(BenefitType benefit, String condition) {
    assertThat(rules.possible("B").get(benefit)).contains(condition);
  }

  @ParameterizedTest
  @CsvSource({"C", "''"})
  void anUnknownClassHasNoBenefits(String vaccinationClass) {
    assertThat(rules.possible(vaccinationClass)).isEmpty();
  }
}
