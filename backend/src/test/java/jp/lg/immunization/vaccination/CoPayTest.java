package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 自己負担金 (DOMAIN.md 1 and 6) as the engine evaluates processes/copay.dmn with its example city amounts. */
@IntegrationTest
class CoPayTest {

  @Autowired CoPay coPay;
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                                 | vaccine              | 生活保護 | 非課税 | yen  | exempt | reason contains
      influenza pays the city's amount                        | INFLUENZA_ELDERLY    | false    | false  | 1500 | false  | 高齢者インフルエンザの自己負担金
      pneumococcal pays the city's amount                     | PNEUMOCOCCAL_ELDERLY | false    | false  | 4000 | false  | 高齢者肺炎球菌の自己負担金
      COVID pays the city's amount                            | COVID                | false    | false  | 3000 | false  | 新型コロナの自己負担金
      public assistance waives influenza                      | INFLUENZA_ELDERLY    | true     | false  | 0    | true   | 生活保護受給のため
      public assistance waives pneumococcal                   | PNEUMOCOCCAL_ELDERLY | true     | false  | 0    | true   | 生活保護受給のため
      public assistance waives COVID                          | COVID                | true     | false  | 0    | true   | 生活保護受給のため
      public assistance wins over the tax exemption           | INFLUENZA_ELDERLY    | true     | true   | 0    | true   | 生活保護受給のため
      the city's own tax exemption covers influenza           | INFLUENZA_ELDERLY    | false    | true   | 0    | true   | 住民税非課税世帯
      the city's own tax exemption does not cover pneumococcal | PNEUMOCOCCAL_ELDERLY | false    | true   | 4000 | false  | 高齢者肺炎球菌の自己負担金
      the city's own tax exemption does not cover COVID       | COVID                | false    | true   | 3000 | false  | 新型コロナの自己負担金
      A-class BCG has no co-pay                               | BCG                  | false    | false  | 0    | true   | 定期A類のため自己負担なし
      A-class MR has no co-pay even with public assistance     | MR                   | true     | true   | 0    | true   | 定期A類のため自己負担なし
      A-class HPV has no co-pay                               | HPV                  | false    | true   | 0    | true   | 定期A類のため自己負担なし
      """)
  void decidesTheCoPay(String name, String vaccine, boolean publicAssistance, boolean residentTaxExempt,
      int amountYen, boolean exempt, String reason) {
    CoPayDecision decision = coPay.decide(vaccine, publicAssistance, residentTaxExempt);

    assertThat(decision.amountYen()).isEqualTo(amountYen);
    assertThat(decision.exempt()).isEqualTo(exempt);
    assertThat(decision.reason()).contains(reason);
  }

  // MUMPS is not routine at all, so calling it 定期A類 would print a false reason on a ticket.
  @ParameterizedTest
  @ValueSource(strings = {"MUMPS", "INFLUENZA", "influenza_elderly", ""})
  void rejectsCodesThatAreNotRoutineVaccines(String code) {
    assertThatThrownBy(() -> coPay.decide(code, false, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decidingLeavesNoPublicAssistanceStatusInTheEnginesDecisionHistory() {
    long before = jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class);

    assertThat(coPay.decide("INFLUENZA_ELDERLY", true, true).exempt()).isTrue();
    assertThat(coPay.decide("COVID", false, false).amountYen()).isEqualTo(3000);

    assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class)).isEqualTo(before);
  }
}
