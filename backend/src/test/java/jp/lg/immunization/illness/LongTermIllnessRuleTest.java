package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 予防接種法施行令第1条の3第2項 at both edges: the two years counted from the day the illness ended (that day the first,
 * the day before the same date two years later the last; the month's last day where there is no such date), and the
 * upper ages 「●歳に達するまで」 (the day before the birthday included).
 */
class LongTermIllnessRuleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                                          | vaccine              | birth      | ended      | until
      two years end the day before the same date                       | MR                   | 2020-06-15 | 2025-03-01 | 2027-02-28
      two years from a month end that exists two years later           | MR                   | 2020-06-15 | 2025-01-31 | 2027-01-30
      two years from a leap day end on February 28                     | VARICELLA            | 2019-06-15 | 2024-02-29 | 2026-02-28
      two years from March 1 end on February 29 of a leap year         | JAPANESE_ENCEPHALITIS| 2015-06-15 | 2026-03-01 | 2028-02-29
      the ended day itself counts: ended on April 1                    | HPV                  | 2010-06-15 | 2025-04-01 | 2027-03-31
      other A類 vaccines have no upper age                              | DT                   | 2000-06-15 | 2025-04-01 | 2027-03-31
      BCG two years fall before 4 years                                | BCG                  | 2022-05-10 | 2024-05-09 | 2026-05-08
      BCG two years and 4 years on the same day                        | BCG                  | 2022-05-10 | 2024-05-10 | 2026-05-09
      BCG capped at the day before the 4th birthday                    | BCG                  | 2022-05-10 | 2024-05-11 | 2026-05-09
      BCG illness ended on the last day of the age limit               | BCG                  | 2022-05-10 | 2026-05-09 | 2026-05-09
      ヒブ capped at the day before the 10th birthday                    | HIB                  | 2017-08-20 | 2026-01-10 | 2027-08-19
      ヒブ born on a leap day reaches 10 on February 28                  | HIB                  | 2020-02-29 | 2029-01-10 | 2030-02-28
      小児肺炎球菌 capped at the day before the 6th birthday               | PNEUMOCOCCAL_CHILD   | 2021-04-01 | 2026-01-10 | 2027-03-31
      小児肺炎球菌 two years fall the day before 6 years                   | PNEUMOCOCCAL_CHILD   | 2021-04-01 | 2025-03-31 | 2027-03-30
      五種混合 capped at the day before the 15th birthday                  | PENTAVALENT          | 2011-12-31 | 2025-06-01 | 2026-12-30
      五種混合 two years within 15 years                                  | PENTAVALENT          | 2015-12-31 | 2025-06-01 | 2027-05-31
      """)
  void theExtensionEndsOnTheLawsDay(String rule, String vaccine, LocalDate birth, LocalDate ended, LocalDate until) {
    assertThat(LongTermIllnessRule.until(vaccine, birth, ended)).as(rule).contains(until);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                                    | vaccine              | birth      | ended
      BCG illness ended on the 4th birthday: nothing is left      | BCG                  | 2022-05-10 | 2026-05-10
      ヒブ illness ended on the 10th birthday                      | HIB                  | 2017-08-20 | 2027-08-20
      小児肺炎球菌 illness ended on the 6th birthday                | PNEUMOCOCCAL_CHILD   | 2021-04-01 | 2027-04-01
      五種混合 illness ended on the 15th birthday                   | PENTAVALENT          | 2011-12-31 | 2026-12-31
      B類 高齢者インフルエンザ has no special case                    | INFLUENZA_ELDERLY    | 1950-01-01 | 2025-06-01
      B類 高齢者肺炎球菌 has no special case                          | PNEUMOCOCCAL_ELDERLY | 1960-01-01 | 2025-06-01
      B類 新型コロナ has no special case                              | COVID                | 1950-01-01 | 2025-06-01
      a vaccine outside the routine schedule                       | MUMPS                | 2022-05-10 | 2025-06-01
      """)
  void theSpecialCaseGivesNothing(String rule, String vaccine, LocalDate birth, LocalDate ended) {
    assertThat(LongTermIllnessRule.until(vaccine, birth, ended)).as(rule).isEmpty();
  }
}
