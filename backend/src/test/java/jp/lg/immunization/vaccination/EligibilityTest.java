package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.vaccination.VaccineEligibility.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The routine schedule (DOMAIN.md 6) as the engine evaluates processes/eligibility-*.dmn. Doses are written
 * {@code 接種種別 接種区分 接種日}, several separated by {@code ;}.
 */
@IntegrationTest
class EligibilityTest {

  @Autowired Eligibility eligibility;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void judgingEligibilityLeavesNoAgesOrBirthDatesInTheEnginesDecisionHistory() {
    long before = jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class);
    assertThat(eligibility.forResident(LocalDate.of(2025, 3, 1), "FEMALE", List.of(), false, List.of(),
        LocalDate.of(2026, 11, 26))).isNotEmpty();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                                      | birth      | sex    | disab | doses                                                                  | on         | vaccine               | status       | next dose
      BCG on the day of birth                                      | 2025-01-10 | MALE   |       |                                                                        | 2025-01-10 | BCG                   | ELIGIBLE     | 1回
      BCG the day before the 1st birthday                          | 2025-01-10 | MALE   |       |                                                                        | 2026-01-09 | BCG                   | ELIGIBLE     | 1回
      BCG on the 1st birthday                                      | 2025-01-10 | MALE   |       |                                                                        | 2026-01-10 | BCG                   | OVERDUE      | 1回
      BCG 365 days old in a leap year is still before the birthday | 2023-03-01 | FEMALE |       |                                                                        | 2024-02-29 | BCG                   | ELIGIBLE     | 1回
      BCG given once is complete                                   | 2025-01-10 | MALE   |       | BCG 1回 2025-07-01                                                     | 2025-08-01 | BCG                   | COMPLETED    |
      B型肝炎 from birth                                           | 2025-04-01 | MALE   |       |                                                                        | 2025-04-01 | HEPATITIS_B           | ELIGIBLE     | 1回目
      B型肝炎 #2 with 26 days between waits                                  | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01                                               | 2025-06-28 | HEPATITIS_B           | UPCOMING     | 2回目
      B型肝炎 #2 with 27 days between (4 weeks, same weekday)                                        | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01                                               | 2025-06-29 | HEPATITIS_B           | ELIGIBLE     | 2回目
      B型肝炎 #3 with 138 days between #1 waits                        | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01; B型肝炎 2回目 2025-07-01                       | 2025-10-18 | HEPATITIS_B           | UPCOMING     | 3回目
      B型肝炎 #3 with 139 days between #1                              | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01; B型肝炎 2回目 2025-07-01                       | 2025-10-19 | HEPATITIS_B           | ELIGIBLE     | 3回目
      B型肝炎 #3 that cannot wait 139 days before the 1st birthday | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-12-01; B型肝炎 2回目 2026-01-01                       | 2026-02-01 | HEPATITIS_B           | OVERDUE      | 3回目
      B型肝炎 three doses complete                                 | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01; B型肝炎 2回目 2025-07-01; B型肝炎 3回目 2025-11-01 | 2026-05-01 | HEPATITIS_B     | COMPLETED    |
      B型肝炎 unfinished on the 1st birthday                       | 2025-04-01 | MALE   |       | B型肝炎 1回目 2025-06-01                                               | 2026-04-01 | HEPATITIS_B           | OVERDUE      |
      ヒブ two days before the 2-month date waits                                 | 2025-01-15 | MALE   |       |                                                                        | 2025-03-13 | HIB                   | UPCOMING     | 初回1回目
      ヒブ from the day before the 2-month date                                             | 2025-01-15 | MALE   |       |                                                                        | 2025-03-14 | HIB                   | ELIGIBLE     | 初回1回目
      ヒブ not needed when 五種混合 is used                        | 2025-01-15 | MALE   |       | 五種混合 1期初回1回目 2025-03-20                                       | 2025-04-20 | HIB                   | NOT_ELIGIBLE |
      ヒブ started at 3 months: #2 with 26 days between waits                | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-04-15                                              | 2025-05-12 | HIB                   | UPCOMING     | 初回2回目
      ヒブ started at 3 months: #2 with 27 days between                      | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-04-15                                              | 2025-05-13 | HIB                   | ELIGIBLE     | 初回2回目
      ヒブ booster 6 months after the initial series waits         | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-04-15; ヒブ 初回2回目 2025-05-15; ヒブ 初回3回目 2025-06-15 | 2025-12-15 | HIB              | UPCOMING     | 追加
      ヒブ booster 7 months after the initial series               | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-04-15; ヒブ 初回2回目 2025-05-15; ヒブ 初回3回目 2025-06-15 | 2026-01-15 | HIB              | ELIGIBLE     | 追加
      ヒブ initial series cut short at 12 months goes to booster   | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-04-15; ヒブ 初回2回目 2025-05-15                     | 2026-01-20 | HIB                   | ELIGIBLE     | 追加
      ヒブ started at 8 months needs 2 initial doses               | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-09-20                                              | 2025-10-20 | HIB                   | ELIGIBLE     | 初回2回目
      ヒブ started at 8 months: 2 + 1 complete                     | 2025-01-15 | MALE   |       | ヒブ 初回1回目 2025-09-20; ヒブ 初回2回目 2025-10-20; ヒブ 追加 2026-05-20 | 2026-06-01 | HIB                 | COMPLETED    |
      ヒブ started at 13 months is one dose                        | 2025-01-15 | MALE   |       |                                                                        | 2026-02-20 | HIB                   | ELIGIBLE     | 1回
      ヒブ started at 13 months: one dose completes                | 2025-01-15 | MALE   |       | ヒブ 1回 2026-02-20                                                    | 2026-03-01 | HIB                   | COMPLETED    |
      ヒブ the day before 60 months                                | 2025-01-15 | MALE   |       |                                                                        | 2030-01-14 | HIB                   | ELIGIBLE     | 1回
      ヒブ at 60 months                                            | 2025-01-15 | MALE   |       |                                                                        | 2030-01-15 | HIB                   | OVERDUE      |
      小児肺炎球菌 booster waits for 12 months                      | 2025-01-15 | FEMALE |       | 小児肺炎球菌 初回1回目 2025-03-15; 小児肺炎球菌 初回2回目 2025-04-15; 小児肺炎球菌 初回3回目 2025-05-15 | 2025-12-15 | PNEUMOCOCCAL_CHILD | UPCOMING | 追加
      小児肺炎球菌 booster at 12 months                             | 2025-01-15 | FEMALE |       | 小児肺炎球菌 初回1回目 2025-03-15; 小児肺炎球菌 初回2回目 2025-04-15; 小児肺炎球菌 初回3回目 2025-05-15 | 2026-01-15 | PNEUMOCOCCAL_CHILD | ELIGIBLE | 追加
      小児肺炎球菌 initial cut short then booster completes         | 2025-01-15 | FEMALE |       | 小児肺炎球菌 初回1回目 2025-03-15; 小児肺炎球菌 初回2回目 2025-04-15; 小児肺炎球菌 追加 2026-01-20 | 2026-02-01 | PNEUMOCOCCAL_CHILD | COMPLETED |
      小児肺炎球菌 started at 18 months: #2 with 59 days between waits        | 2025-01-15 | FEMALE |       | 小児肺炎球菌 1回目 2026-07-15                                           | 2026-09-13 | PNEUMOCOCCAL_CHILD    | UPCOMING     | 2回目
      小児肺炎球菌 started at 18 months: #2 with 60 days between              | 2025-01-15 | FEMALE |       | 小児肺炎球菌 1回目 2026-07-15                                           | 2026-09-14 | PNEUMOCOCCAL_CHILD    | ELIGIBLE     | 2回目
      小児肺炎球菌 started at 30 months is one dose                 | 2025-01-15 | FEMALE |       |                                                                        | 2027-07-15 | PNEUMOCOCCAL_CHILD    | ELIGIBLE     | 1回
      小児肺炎球菌 started at 30 months: one dose completes         | 2025-01-15 | FEMALE |       | 小児肺炎球菌 1回 2027-07-15                                             | 2027-08-01 | PNEUMOCOCCAL_CHILD    | COMPLETED    |
      五種混合 #2 with 19 days between waits                                 | 2025-01-15 | MALE   |       | 五種混合 1期初回1回目 2025-03-15                                       | 2025-04-04 | PENTAVALENT           | UPCOMING     | 1期初回2回目
      五種混合 #2 with 20 days between                                       | 2025-01-15 | MALE   |       | 五種混合 1期初回1回目 2025-03-15                                       | 2025-04-05 | PENTAVALENT           | ELIGIBLE     | 1期初回2回目
      五種混合 booster the day before 6 months                     | 2025-01-15 | MALE   |       | 五種混合 1期初回1回目 2025-03-15; 五種混合 1期初回2回目 2025-04-15; 五種混合 1期初回3回目 2025-05-15 | 2025-11-14 | PENTAVALENT | UPCOMING | 1期追加
      五種混合 booster at 6 months                                 | 2025-01-15 | MALE   |       | 五種混合 1期初回1回目 2025-03-15; 五種混合 1期初回2回目 2025-04-15; 五種混合 1期初回3回目 2025-05-15 | 2025-11-15 | PENTAVALENT | ELIGIBLE | 1期追加
      四種混合 and 五種混合 count as one series                     | 2023-01-15 | MALE   |       | 四種混合 1期初回1回目 2023-03-15; 四種混合 1期初回2回目 2023-04-15; 四種混合 1期初回3回目 2023-05-15; 五種混合 1期追加 2024-05-15 | 2024-06-01 | PENTAVALENT | COMPLETED |
      五種混合 the day before 90 months                            | 2018-01-15 | MALE   |       |                                                                        | 2025-07-14 | PENTAVALENT           | ELIGIBLE     | 1期初回1回目
      五種混合 at 90 months                                        | 2018-01-15 | MALE   |       |                                                                        | 2025-07-15 | PENTAVALENT           | OVERDUE      |
      MR two days before the 1st birthday waits                           | 2024-05-10 | FEMALE |       |                                                                        | 2025-05-08 | MR                    | UPCOMING     | 1期
      MR from the day before the 1st birthday                                       | 2024-05-10 | FEMALE |       |                                                                        | 2025-05-09 | MR                    | ELIGIBLE     | 1期
      MR 1期 the day before the 2nd birthday                       | 2024-05-10 | FEMALE |       |                                                                        | 2026-05-09 | MR                    | ELIGIBLE     | 1期
      MR 1期 missed on the 2nd birthday: 2期 still ahead            | 2024-05-10 | FEMALE |       |                                                                        | 2026-05-10 | MR                    | OVERDUE      | 2期
      MR after 1期 waits for the year before school                | 2024-05-10 | FEMALE |       | MR 1期 2025-06-01                                                      | 2026-01-01 | MR                    | UPCOMING     | 2期
      MR 2期 born April 1 is in the earlier school year            | 2019-04-01 | MALE   |       | MR 1期 2020-05-01                                                      | 2024-04-01 | MR                    | ELIGIBLE     | 2期
      MR 2期 born April 2 is in the later school year              | 2019-04-02 | MALE   |       | MR 1期 2020-05-01                                                      | 2024-04-01 | MR                    | UPCOMING     | 2期
      MR 2期 on the last day before school                         | 2019-04-01 | MALE   |       | MR 1期 2020-05-01                                                      | 2025-03-31 | MR                    | ELIGIBLE     | 2期
      MR 2期 missed once school starts                             | 2019-04-01 | MALE   |       | MR 1期 2020-05-01                                                      | 2025-04-01 | MR                    | OVERDUE      | 2期
      MR 2期 born April 2 on the last day before school            | 2019-04-02 | MALE   |       | MR 1期 2020-05-01                                                      | 2026-03-31 | MR                    | ELIGIBLE     | 2期
      MR 2期 given is complete                                     | 2019-04-02 | MALE   |       | MR 1期 2020-05-01; MR 2期 2025-06-01                                    | 2025-07-01 | MR                    | COMPLETED    |
      MR 26 days between 水痘 waits (live vaccines)                  | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2024-06-28 | MR                    | UPCOMING     | 1期
      MR 27 days between 水痘 (live vaccines)                        | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2024-06-29 | MR                    | ELIGIBLE     | 1期
      MR on the same day as 水痘 (同時接種)                          | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2024-06-01 | MR                    | ELIGIBLE     | 1期
      MR 9 days after 日本脳炎 (not live) is not held back           | 2023-05-10 | MALE   |       | 日本脳炎 1期初回1回目 2024-06-01                                       | 2024-06-10 | MR                    | ELIGIBLE     | 1期
      水痘 19 days after MR waits (live vaccines)                  | 2023-05-10 | MALE   |       | MR 1期 2024-06-01                                                      | 2024-06-20 | VARICELLA             | UPCOMING     | 1回目
      水痘 14 days after おたふくかぜ waits (live vaccines)          | 2023-05-10 | MALE   |       | おたふくかぜ 1回目 2024-06-01                                          | 2024-06-15 | VARICELLA             | UPCOMING     | 1回目
      水痘 #2 the day before 3 months                              | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2024-08-31 | VARICELLA             | UPCOMING     | 2回目
      水痘 #2 at 3 months                                          | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2024-09-01 | VARICELLA             | ELIGIBLE     | 2回目
      水痘 the day before 36 months                                | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2026-05-09 | VARICELLA             | ELIGIBLE     | 2回目
      水痘 at 36 months                                            | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01                                                  | 2026-05-10 | VARICELLA             | OVERDUE      |
      水痘 two doses complete                                      | 2023-05-10 | MALE   |       | 水痘 1回目 2024-06-01; 水痘 2回目 2024-12-01                            | 2025-01-01 | VARICELLA             | COMPLETED    |
      日本脳炎 two days before the 6-month date waits                              | 2022-05-10 | FEMALE |       |                                                                        | 2022-11-08 | JAPANESE_ENCEPHALITIS | UPCOMING     | 1期初回1回目
      日本脳炎 from the day before the 6-month date                                          | 2022-05-10 | FEMALE |       |                                                                        | 2022-11-09 | JAPANESE_ENCEPHALITIS | ELIGIBLE     | 1期初回1回目
      日本脳炎 #2 with 5 days between waits                                   | 2022-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2025-06-01                                       | 2025-06-07 | JAPANESE_ENCEPHALITIS | UPCOMING     | 1期初回2回目
      日本脳炎 #2 with 6 days between                                         | 2022-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2025-06-01                                       | 2025-06-08 | JAPANESE_ENCEPHALITIS | ELIGIBLE     | 1期初回2回目
      日本脳炎 booster the day before 6 months                      | 2022-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2025-06-01; 日本脳炎 1期初回2回目 2025-06-15       | 2025-12-14 | JAPANESE_ENCEPHALITIS | UPCOMING     | 1期追加
      日本脳炎 booster at 6 months                                  | 2022-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2025-06-01; 日本脳炎 1期初回2回目 2025-06-15       | 2025-12-15 | JAPANESE_ENCEPHALITIS | ELIGIBLE     | 1期追加
      日本脳炎 1期 done: 2期 from 9 years                            | 2022-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2025-06-01; 日本脳炎 1期初回2回目 2025-06-15; 日本脳炎 1期追加 2026-06-15 | 2028-05-10 | JAPANESE_ENCEPHALITIS | UPCOMING | 2期
      日本脳炎 2期 at 9 years                                       | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15 | 2024-05-10 | JAPANESE_ENCEPHALITIS | ELIGIBLE | 2期
      日本脳炎 2期 the day before 13 years                          | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15 | 2028-05-09 | JAPANESE_ENCEPHALITIS | ELIGIBLE | 2期
      日本脳炎 2期 at 13 years                                      | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15 | 2028-05-10 | JAPANESE_ENCEPHALITIS | OVERDUE  |
      日本脳炎 2期 given is complete                                | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15; 日本脳炎 2期 2024-06-01 | 2024-07-01 | JAPANESE_ENCEPHALITIS | COMPLETED |
      日本脳炎 special: born 2007-04-01 is eligible at 19            | 2007-04-01 | MALE   |       |                                                                        | 2026-06-01 | JAPANESE_ENCEPHALITIS | ELIGIBLE     | 1期初回1回目
      日本脳炎 special: born 2007-04-02 is not at 19                 | 2007-04-02 | MALE   |       |                                                                        | 2026-06-01 | JAPANESE_ENCEPHALITIS | OVERDUE      |
      日本脳炎 special: 1期 done, 2期 at 19                           | 2007-04-01 | MALE   |       | 日本脳炎 1期初回1回目 2010-06-01; 日本脳炎 1期初回2回目 2010-06-15; 日本脳炎 1期追加 2011-06-15 | 2026-06-01 | JAPANESE_ENCEPHALITIS | ELIGIBLE | 2期
      日本脳炎 special: born 1995-04-02 is eligible at 19            | 1995-04-02 | FEMALE |       |                                                                        | 2014-05-01 | JAPANESE_ENCEPHALITIS | ELIGIBLE     | 1期初回1回目
      日本脳炎 special: born 1995-04-01 is not at 19                 | 1995-04-01 | FEMALE |       |                                                                        | 2014-05-01 | JAPANESE_ENCEPHALITIS | OVERDUE      |
      日本脳炎 special ends on the 20th birthday                     | 2006-05-10 | FEMALE |       |                                                                        | 2026-05-10 | JAPANESE_ENCEPHALITIS | OVERDUE      |
      DT 2期 two days before the 11th birthday waits                               | 2013-06-10 | MALE   |       |                                                                        | 2024-06-08 | DT                    | UPCOMING     | 2期
      DT 2期 from the day before the 11th birthday                                           | 2013-06-10 | MALE   |       |                                                                        | 2024-06-09 | DT                    | ELIGIBLE     | 2期
      DT 2期 the day before 13 years                               | 2013-06-10 | MALE   |       |                                                                        | 2026-06-09 | DT                    | ELIGIBLE     | 2期
      DT 2期 at 13 years                                           | 2013-06-10 | MALE   |       |                                                                        | 2026-06-10 | DT                    | OVERDUE      |
      DT 2期 given is complete                                     | 2013-06-10 | MALE   |       | 二種混合 2期 2025-06-10                                                 | 2025-07-01 | DT                    | COMPLETED    |
      HPV boys are not in the routine programme                    | 2012-06-10 | MALE   |       |                                                                        | 2025-06-10 | HPV                   | NOT_ELIGIBLE |
      HPV girl born April 2 before her 小6 year                    | 2013-04-02 | FEMALE |       |                                                                        | 2025-03-31 | HPV                   | UPCOMING     | 1回目
      HPV girl born April 2 from her 小6 year                      | 2013-04-02 | FEMALE |       |                                                                        | 2025-04-01 | HPV                   | ELIGIBLE     | 1回目
      HPV girl born April 1 is a year ahead                        | 2013-04-01 | FEMALE |       |                                                                        | 2024-04-01 | HPV                   | ELIGIBLE     | 1回目
      HPV girl born April 1 the day before her 小6 year            | 2013-04-01 | FEMALE |       |                                                                        | 2024-03-31 | HPV                   | UPCOMING     | 1回目
      HPV on the last day of 高1                                    | 2009-04-02 | FEMALE |       |                                                                        | 2026-03-31 | HPV                   | ELIGIBLE     | 1回目
      HPV after 高1                                                 | 2009-04-02 | FEMALE |       |                                                                        | 2026-04-01 | HPV                   | OVERDUE      |
      HPV started at 13: #2 the day before 5 months waits          | 2012-06-10 | FEMALE |       | HPV 1回目 2025-06-10                                                   | 2025-11-09 | HPV                   | UPCOMING     | 2回目
      HPV started at 13: #2 at 5 months                            | 2012-06-10 | FEMALE |       | HPV 1回目 2025-06-10                                                   | 2025-11-10 | HPV                   | ELIGIBLE     | 2回目
      HPV started at 13: two doses complete                        | 2012-06-10 | FEMALE |       | HPV 1回目 2025-06-10; HPV 2回目 2025-11-10                              | 2025-12-01 | HPV                   | COMPLETED    |
      HPV started at 15: #2 after 1 month                          | 2010-05-10 | FEMALE |       | HPV 1回目 2025-06-01                                                   | 2025-07-01 | HPV                   | ELIGIBLE     | 2回目
      HPV started at 15: #2 the day before 1 month waits           | 2010-05-10 | FEMALE |       | HPV 1回目 2025-06-01                                                   | 2025-06-30 | HPV                   | UPCOMING     | 2回目
      HPV started at 15: two doses are not enough                  | 2010-05-10 | FEMALE |       | HPV 1回目 2025-06-01; HPV 2回目 2025-07-01                              | 2025-10-01 | HPV                   | ELIGIBLE     | 3回目
      HPV started at 15: #3 the day before 3 months waits          | 2010-05-10 | FEMALE |       | HPV 1回目 2025-06-01; HPV 2回目 2025-07-01                              | 2025-09-30 | HPV                   | UPCOMING     | 3回目
      ロタ born 2020-07-31 is not in the programme                  | 2020-07-31 | MALE   |       |                                                                        | 2020-09-30 | ROTAVIRUS             | NOT_ELIGIBLE |
      ロタ born 2020-08-01 at 41 days waits                        | 2020-08-01 | MALE   |       |                                                                        | 2020-09-11 | ROTAVIRUS             | UPCOMING     | 1回目
      ロタ born 2020-08-01 at 6 weeks                              | 2020-08-01 | MALE   |       |                                                                        | 2020-09-12 | ROTAVIRUS             | ELIGIBLE     | 1回目
      ロタ #1 at 14 weeks 6 days                                    | 2025-01-01 | MALE   |       |                                                                        | 2025-04-15 | ROTAVIRUS             | ELIGIBLE     | 1回目
      ロタ #1 at 15 weeks is too late                              | 2025-01-01 | MALE   |       |                                                                        | 2025-04-16 | ROTAVIRUS             | OVERDUE      | 1回目
      ロタ #2 with 26 days between waits                                     | 2025-01-01 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-03-28 | ROTAVIRUS             | UPCOMING     | 2回目
      ロタ #2 with 27 days between                                           | 2025-01-01 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-03-29 | ROTAVIRUS             | ELIGIBLE     | 2回目
      ロタ #2 at 24 weeks 0 days                                   | 2025-01-01 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-06-18 | ROTAVIRUS             | ELIGIBLE     | 2回目
      ロタ #2 after 24 weeks is too late                           | 2025-01-01 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-06-19 | ROTAVIRUS             | OVERDUE      | 2回目
      ロタ is oral: not held back by BCG                            | 2025-01-01 | MALE   |       | BCG 1回 2025-03-20                                                     | 2025-03-28 | ROTAVIRUS             | ELIGIBLE     | 1回目
      インフルエンザ two days before the 65th birthday without disability                       | 1960-11-01 | MALE   | false |                                                                        | 2025-10-30 | INFLUENZA_ELDERLY     | UPCOMING     | 1回
      インフルエンザ two days before the 65th birthday with disability                          | 1960-11-01 | MALE   | true  |                                                                        | 2025-10-30 | INFLUENZA_ELDERLY     | ELIGIBLE     | 1回
      インフルエンザ from the day before the 65th birthday                           | 1960-11-01 | MALE   |       |                                                                        | 2025-10-31 | INFLUENZA_ELDERLY     | ELIGIBLE     | 1回
      インフルエンザ at 59 even with disability                     | 1966-05-01 | MALE   | true  |                                                                        | 2025-11-01 | INFLUENZA_ELDERLY     | NOT_ELIGIBLE |
      インフルエンザ out of season                                  | 1950-05-01 | FEMALE |       |                                                                        | 2026-04-01 | INFLUENZA_ELDERLY     | UPCOMING     | 1回
      インフルエンザ on the last day of the season                  | 1950-05-01 | FEMALE |       |                                                                        | 2026-03-31 | INFLUENZA_ELDERLY     | ELIGIBLE     | 1回
      インフルエンザ given this season                              | 1950-05-01 | FEMALE |       | 高齢者インフルエンザ 1回 2025-10-15                                     | 2025-12-01 | INFLUENZA_ELDERLY     | COMPLETED    |
      インフルエンザ given last season does not count               | 1950-05-01 | FEMALE |       | 高齢者インフルエンザ 1回 2024-10-15                                     | 2025-10-01 | INFLUENZA_ELDERLY     | ELIGIBLE     | 1回
      肺炎球菌 two days before the 65th birthday without disability                             | 1960-11-01 | FEMALE | false |                                                                        | 2025-10-30 | PNEUMOCOCCAL_ELDERLY  | UPCOMING     | 1回
      肺炎球菌 two days before the 65th birthday with disability                                | 1960-11-01 | FEMALE | true  |                                                                        | 2025-10-30 | PNEUMOCOCCAL_ELDERLY  | ELIGIBLE     | 1回
      肺炎球菌 from the day before the 65th birthday                                 | 1960-11-01 | FEMALE |       |                                                                        | 2025-10-31 | PNEUMOCOCCAL_ELDERLY  | ELIGIBLE     | 1回
      肺炎球菌 the day before the 66th birthday                     | 1960-11-01 | FEMALE |       |                                                                        | 2026-10-31 | PNEUMOCOCCAL_ELDERLY  | ELIGIBLE     | 1回
      肺炎球菌 on the 66th birthday                                 | 1960-11-01 | FEMALE |       |                                                                        | 2026-11-01 | PNEUMOCOCCAL_ELDERLY  | OVERDUE      |
      肺炎球菌 never twice (PPSV23 already given)                    | 1960-11-01 | FEMALE |       | 高齢者肺炎球菌 1回 2025-11-10                                           | 2026-01-10 | PNEUMOCOCCAL_ELDERLY  | COMPLETED    |
      新型コロナ two days before the 65th birthday without disability                           | 1960-11-01 | MALE   | false |                                                                        | 2025-10-30 | COVID                 | UPCOMING     | 1回
      新型コロナ two days before the 65th birthday with disability                              | 1960-11-01 | MALE   | true  |                                                                        | 2025-10-30 | COVID                 | ELIGIBLE     | 1回
      新型コロナ at 70 out of season                                | 1955-06-01 | MALE   |       |                                                                        | 2025-09-30 | COVID                 | UPCOMING     | 1回
      新型コロナ at 70 on the first day of the season               | 1955-06-01 | MALE   |       |                                                                        | 2025-10-01 | COVID                 | ELIGIBLE     | 1回
      新型コロナ once per season                                    | 1955-06-01 | MALE   |       | 新型コロナ 1回 2025-10-20                                               | 2026-01-20 | COVID                 | COMPLETED    |
      """)
  void statusAndNextDoseFollowTheRoutineSchedule(String description, LocalDate birth, String sex, Boolean disability,
      String doses, LocalDate on, String vaccine, Status status, String nextDose) {
    VaccineEligibility result = judge(birth, sex, disability, doses, on, vaccine);

    assertThat(result.status()).as(description + ": " + result.reason()).isEqualTo(status);
    assertThat(result.nextDose()).as(description).isEqualTo(nextDose);
    assertThat(result.reason()).as(description).isNotBlank().doesNotContain("{");
  }

  /**
   * Both edges of every window and interval of the routine schedule, each named after the rule of the MHLW
   * interpretation it proves (see LegalDates): ageFrom — 「生後●月から」「●歳以上」 open on the day before the same
   * date; ageUntil — 「●月/●歳に至るまで」 include that day; days — N whole days between the doses; months — the same
   * date N months later or the 1st of the month after; weeks — ロタ's 出生●週●日後; schoolYear — 学年 by April 1/2
   * births.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # rule and case                                              | birth      | sex    | disab | doses                                                                  | on         | vaccine               | status
      ageUntil BCG born on a leap day: last day 2月28日               | 2024-02-29 | MALE   |       |                                                                        | 2025-02-28 | BCG                   | ELIGIBLE
      ageUntil BCG born on a leap day: over on 3月1日                 | 2024-02-29 | MALE   |       |                                                                        | 2025-03-01 | BCG                   | OVERDUE
      ageUntil B型肝炎 born 1月31日: last day 1月30日                 | 2025-01-31 | MALE   |       |                                                                        | 2026-01-30 | HEPATITIS_B           | ELIGIBLE
      ageUntil B型肝炎 born 1月31日: over on the birthday             | 2025-01-31 | MALE   |       |                                                                        | 2026-01-31 | HEPATITIS_B           | OVERDUE
      days B型肝炎 #2 across a month end: 26 between waits            | 2025-01-31 | MALE   |       | B型肝炎 1回目 2025-03-31                                               | 2025-04-27 | HEPATITIS_B           | UPCOMING
      days B型肝炎 #2 across a month end: 27 between                  | 2025-01-31 | MALE   |       | B型肝炎 1回目 2025-03-31                                               | 2025-04-28 | HEPATITIS_B           | ELIGIBLE
      days B型肝炎 #3 138 days between #1 waits                       | 2025-01-31 | MALE   |       | B型肝炎 1回目 2025-03-31; B型肝炎 2回目 2025-04-28                       | 2025-08-17 | HEPATITIS_B           | UPCOMING
      days B型肝炎 #3 139 days between #1                             | 2025-01-31 | MALE   |       | B型肝炎 1回目 2025-03-31; B型肝炎 2回目 2025-04-28                       | 2025-08-18 | HEPATITIS_B           | ELIGIBLE
      ageFrom ヒブ born 12月31日: 2 months on 2月28日, not the 27th   | 2024-12-31 | MALE   |       |                                                                        | 2025-02-27 | HIB                   | UPCOMING
      ageFrom ヒブ born 12月31日: 2 months on 2月28日                 | 2024-12-31 | MALE   |       |                                                                        | 2025-02-28 | HIB                   | ELIGIBLE
      ageUntil ヒブ born 12月31日: last day 12月30日 at 60 months     | 2024-12-31 | MALE   |       |                                                                        | 2029-12-30 | HIB                   | ELIGIBLE
      ageUntil ヒブ born 12月31日: over on 12月31日                   | 2024-12-31 | MALE   |       |                                                                        | 2029-12-31 | HIB                   | OVERDUE
      months ヒブ booster 7 months after 7月31日 waits on 2月28日     | 2024-12-31 | MALE   |       | ヒブ 初回1回目 2025-03-03; ヒブ 初回2回目 2025-04-03; ヒブ 初回3回目 2025-07-31 | 2026-02-28 | HIB              | UPCOMING
      months ヒブ booster 7 months after 7月31日 from 3月1日           | 2024-12-31 | MALE   |       | ヒブ 初回1回目 2025-03-03; ヒブ 初回2回目 2025-04-03; ヒブ 初回3回目 2025-07-31 | 2026-03-01 | HIB              | ELIGIBLE
      ageFrom 小児肺炎球菌 booster waits the day before 12 months     | 2025-01-15 | FEMALE |       | 小児肺炎球菌 初回1回目 2025-03-14; 小児肺炎球菌 初回2回目 2025-04-14; 小児肺炎球菌 初回3回目 2025-05-14 | 2026-01-13 | PNEUMOCOCCAL_CHILD | UPCOMING
      ageFrom 小児肺炎球菌 booster from the day 12 months are reached  | 2025-01-15 | FEMALE |       | 小児肺炎球菌 初回1回目 2025-03-14; 小児肺炎球菌 初回2回目 2025-04-14; 小児肺炎球菌 初回3回目 2025-05-14 | 2026-01-14 | PNEUMOCOCCAL_CHILD | ELIGIBLE
      ageUntil 小児肺炎球菌 the day 60 months are reached              | 2025-01-15 | FEMALE |       |                                                                        | 2030-01-14 | PNEUMOCOCCAL_CHILD    | ELIGIBLE
      ageUntil 小児肺炎球菌 over on the 5th birthday                    | 2025-01-15 | FEMALE |       |                                                                        | 2030-01-15 | PNEUMOCOCCAL_CHILD    | OVERDUE
      ageFrom 五種混合 born 3月1日: 2 months on 4月30日, not the 29th  | 2025-03-01 | MALE   |       |                                                                        | 2025-04-29 | PENTAVALENT           | UPCOMING
      ageFrom 五種混合 born 3月1日: 2 months on 4月30日               | 2025-03-01 | MALE   |       |                                                                        | 2025-04-30 | PENTAVALENT           | ELIGIBLE
      days 五種混合 #2 with 19 days between waits                      | 2025-03-01 | MALE   |       | 五種混合 1期初回1回目 2025-05-01                                       | 2025-05-21 | PENTAVALENT           | UPCOMING
      days 五種混合 #2 with 20 days between                            | 2025-03-01 | MALE   |       | 五種混合 1期初回1回目 2025-05-01                                       | 2025-05-22 | PENTAVALENT           | ELIGIBLE
      months 五種混合 booster 6 months after 8月31日 waits on 2月28日  | 2025-03-01 | MALE   |       | 五種混合 1期初回1回目 2025-05-01; 五種混合 1期初回2回目 2025-05-22; 五種混合 1期初回3回目 2025-08-31 | 2026-02-28 | PENTAVALENT | UPCOMING
      months 五種混合 booster 6 months after 8月31日 from 3月1日        | 2025-03-01 | MALE   |       | 五種混合 1期初回1回目 2025-05-01; 五種混合 1期初回2回目 2025-05-22; 五種混合 1期初回3回目 2025-08-31 | 2026-03-01 | PENTAVALENT | ELIGIBLE
      ageUntil 五種混合 born 1月31日: 90 months end on 7月30日         | 2018-01-31 | MALE   |       |                                                                        | 2025-07-30 | PENTAVALENT           | ELIGIBLE
      ageUntil 五種混合 born 1月31日: over on 7月31日                 | 2018-01-31 | MALE   |       |                                                                        | 2025-07-31 | PENTAVALENT           | OVERDUE
      ageFrom MR born on a leap day: 1期 from 2月28日                  | 2024-02-29 | FEMALE |       |                                                                        | 2025-02-28 | MR                    | ELIGIBLE
      ageFrom MR born on a leap day: not on 2月27日                    | 2024-02-29 | FEMALE |       |                                                                        | 2025-02-27 | MR                    | UPCOMING
      schoolYear MR 2期 born 4月1日 opens 4月1日 of the earlier year   | 2019-04-01 | MALE   |       | MR 1期 2020-05-01                                                      | 2024-03-31 | MR                    | UPCOMING
      schoolYear MR 2期 born 4月2日 still waits on 3月31日 a year later | 2019-04-02 | MALE   |       | MR 1期 2020-05-01                                                      | 2025-03-31 | MR                    | UPCOMING
      schoolYear MR 2期 born 4月2日 opens 4月1日 of the later year     | 2019-04-02 | MALE   |       | MR 1期 2020-05-01                                                      | 2025-04-01 | MR                    | ELIGIBLE
      schoolYear MR 2期 born 4月2日 over when school starts            | 2019-04-02 | MALE   |       | MR 1期 2020-05-01                                                      | 2026-04-01 | MR                    | OVERDUE
      months 水痘 #2 3 months after 11月30日 waits on 2月28日          | 2023-05-10 | MALE   |       | 水痘 1回目 2024-11-30                                                  | 2025-02-28 | VARICELLA             | UPCOMING
      months 水痘 #2 3 months after 11月30日 from 3月1日               | 2023-05-10 | MALE   |       | 水痘 1回目 2024-11-30                                                  | 2025-03-01 | VARICELLA             | ELIGIBLE
      ageFrom 水痘 from the day before the 1st birthday                | 2023-05-10 | MALE   |       |                                                                        | 2024-05-09 | VARICELLA             | ELIGIBLE
      ageUntil 水痘 last day before the 3rd birthday                   | 2023-05-10 | MALE   |       |                                                                        | 2026-05-09 | VARICELLA             | ELIGIBLE
      days live vaccines: MR 26 days between 水痘 across February waits | 2023-01-10 | MALE   |       | 水痘 1回目 2024-01-31                                                  | 2024-02-27 | MR                    | UPCOMING
      days live vaccines: MR 27 days between 水痘 across February       | 2023-01-10 | MALE   |       | 水痘 1回目 2024-01-31                                                  | 2024-02-28 | MR                    | ELIGIBLE
      ageUntil 日本脳炎 1期 last day of 90 months                      | 2022-05-10 | FEMALE |       |                                                                        | 2029-11-09 | JAPANESE_ENCEPHALITIS | ELIGIBLE
      ageUntil 日本脳炎 1期 over at 90 months                          | 2022-05-10 | FEMALE |       |                                                                        | 2029-11-10 | JAPANESE_ENCEPHALITIS | OVERDUE
      ageFrom 日本脳炎 2期 waits two days before the 9th birthday      | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15 | 2024-05-08 | JAPANESE_ENCEPHALITIS | UPCOMING
      ageFrom 日本脳炎 2期 from the day before the 9th birthday       | 2015-05-10 | FEMALE |       | 日本脳炎 1期初回1回目 2018-06-01; 日本脳炎 1期初回2回目 2018-06-15; 日本脳炎 1期追加 2019-06-15 | 2024-05-09 | JAPANESE_ENCEPHALITIS | ELIGIBLE
      ageUntil 日本脳炎 special: last day before the 20th birthday   | 2007-04-01 | MALE   |       |                                                                        | 2027-03-31 | JAPANESE_ENCEPHALITIS | ELIGIBLE
      ageUntil 日本脳炎 special: over on the 20th birthday           | 2007-04-01 | MALE   |       |                                                                        | 2027-04-01 | JAPANESE_ENCEPHALITIS | OVERDUE
      ageFrom DT born on a leap day: 11 years on 2月28日              | 2012-02-29 | MALE   |       |                                                                        | 2023-02-28 | DT                    | ELIGIBLE
      ageFrom DT born on a leap day: not on 2月27日                   | 2012-02-29 | MALE   |       |                                                                        | 2023-02-27 | DT                    | UPCOMING
      ageUntil DT born on a leap day: last day 2月28日 at 13          | 2012-02-29 | MALE   |       |                                                                        | 2025-02-28 | DT                    | ELIGIBLE
      ageUntil DT born on a leap day: over on 3月1日                  | 2012-02-29 | MALE   |       |                                                                        | 2025-03-01 | DT                    | OVERDUE
      schoolYear HPV born 4月1日 waits until 小6 starts              | 2013-04-01 | FEMALE |       |                                                                        | 2024-03-31 | HPV                   | UPCOMING
      schoolYear HPV born 4月1日 from 4月1日 of 小6                  | 2013-04-01 | FEMALE |       |                                                                        | 2024-04-01 | HPV                   | ELIGIBLE
      schoolYear HPV born 4月1日 until the end of 高1                | 2013-04-01 | FEMALE |       |                                                                        | 2029-03-31 | HPV                   | ELIGIBLE
      schoolYear HPV born 4月1日 over after 高1                      | 2013-04-01 | FEMALE |       |                                                                        | 2029-04-01 | HPV                   | OVERDUE
      schoolYear HPV born 4月2日 is a year later                     | 2013-04-02 | FEMALE |       |                                                                        | 2029-04-01 | HPV                   | ELIGIBLE
      months HPV #2 5 months after 9月30日 waits on 2月28日          | 2012-06-10 | FEMALE |       | HPV 1回目 2025-09-30                                                   | 2026-02-28 | HPV                   | UPCOMING
      months HPV #2 5 months after 9月30日 from 3月1日               | 2012-06-10 | FEMALE |       | HPV 1回目 2025-09-30                                                   | 2026-03-01 | HPV                   | ELIGIBLE
      ageUntil HPV started the day before the 15th birthday: two doses | 2010-05-10 | FEMALE |       | HPV 1回目 2025-05-09                                                   | 2025-06-09 | HPV                   | UPCOMING
      ageUntil HPV started on the 15th birthday: three doses          | 2010-05-10 | FEMALE |       | HPV 1回目 2025-05-10                                                   | 2025-06-10 | HPV                   | ELIGIBLE
      weeks ロタ 出生5週6日後 waits                                  | 2025-01-06 | MALE   |       |                                                                        | 2025-02-16 | ROTAVIRUS             | UPCOMING
      weeks ロタ from 出生6週0日後, the same weekday                 | 2025-01-06 | MALE   |       |                                                                        | 2025-02-17 | ROTAVIRUS             | ELIGIBLE
      weeks ロタ #1 until 出生14週6日後 included                     | 2025-01-06 | MALE   |       |                                                                        | 2025-04-20 | ROTAVIRUS             | ELIGIBLE
      weeks ロタ #1 over on 出生15週0日後                            | 2025-01-06 | MALE   |       |                                                                        | 2025-04-21 | ROTAVIRUS             | OVERDUE
      weeks ロタ #2 until 出生24週0日後 included                     | 2025-01-06 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-06-23 | ROTAVIRUS             | ELIGIBLE
      weeks ロタ #2 over on 出生24週1日後                            | 2025-01-06 | MALE   |       | ロタ 1回目 2025-03-01                                                  | 2025-06-24 | ROTAVIRUS             | OVERDUE
      ageFrom インフルエンザ born 3月1日: 65 on 2月28日, not the 27th | 1960-03-01 | FEMALE | false |                                                                        | 2025-02-27 | INFLUENZA_ELDERLY     | UPCOMING
      ageFrom インフルエンザ born 3月1日: 65 on 2月28日               | 1960-03-01 | FEMALE | false |                                                                        | 2025-02-28 | INFLUENZA_ELDERLY     | ELIGIBLE
      ageFrom インフルエンザ 60 with disability not the day before    | 1965-12-01 | MALE   | true  |                                                                        | 2025-11-29 | INFLUENZA_ELDERLY     | NOT_ELIGIBLE
      ageFrom インフルエンザ 60 with disability from the day before   | 1965-12-01 | MALE   | true  |                                                                        | 2025-11-30 | INFLUENZA_ELDERLY     | ELIGIBLE
      ageFrom 肺炎球菌 born on a leap day: 65 on 2月28日               | 1960-02-29 | FEMALE | false |                                                                        | 2025-02-28 | PNEUMOCOCCAL_ELDERLY  | ELIGIBLE
      ageFrom 肺炎球菌 born on a leap day: not on 2月27日              | 1960-02-29 | FEMALE | false |                                                                        | 2025-02-27 | PNEUMOCOCCAL_ELDERLY  | UPCOMING
      ageUntil 肺炎球菌 born on a leap day: last day 2月28日 at 66     | 1960-02-29 | FEMALE | false |                                                                        | 2026-02-28 | PNEUMOCOCCAL_ELDERLY  | ELIGIBLE
      ageUntil 肺炎球菌 born on a leap day: over on 3月1日             | 1960-02-29 | FEMALE | false |                                                                        | 2026-03-01 | PNEUMOCOCCAL_ELDERLY  | OVERDUE
      ageFrom 新型コロナ waits two days before the 65th birthday       | 1960-11-01 | MALE   | false |                                                                        | 2025-10-30 | COVID                 | UPCOMING
      ageFrom 新型コロナ from the day before the 65th birthday        | 1960-11-01 | MALE   | false |                                                                        | 2025-10-31 | COVID                 | ELIGIBLE
      """)
  void bothEdgesOfEveryWindowAndIntervalFollowTheInterpretation(String rule, LocalDate birth, String sex,
      Boolean disability, String doses, LocalDate on, String vaccine, Status status) {
    VaccineEligibility result = judge(birth, sex, disability, doses, on, vaccine);

    assertThat(result.status()).as(rule + ": " + result.reason()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                                  | birth      | doses                                                       | on         | vaccine            | from       | until
      ヒブ from the day before the same date 2 months later   | 2025-11-05 |                                                             | 2025-12-01 | HIB                | 2026-01-04 | 2030-11-04
      ヒブ 2 months after 12月31日 is the end of February       | 2024-12-31 |                                                             | 2025-01-15 | HIB                | 2025-02-28 | 2029-12-30
      B型肝炎 #2 27 days between #1, before the 1st birthday    | 2025-04-01 | B型肝炎 1回目 2025-06-01                                     | 2025-06-10 | HEPATITIS_B        | 2025-06-29 | 2026-03-31
      B型肝炎 #3 139 days between #1                            | 2025-04-01 | B型肝炎 1回目 2025-06-01; B型肝炎 2回目 2025-07-01             | 2025-08-01 | HEPATITIS_B        | 2025-10-19 | 2026-03-31
      MR 2期 born April 1: the school year ending 2025-03-31    | 2019-04-01 | MR 1期 2020-05-01                                            | 2023-01-01 | MR                 | 2024-04-01 | 2025-03-31
      MR 2期 born April 2: the school year ending 2026-03-31    | 2019-04-02 | MR 1期 2020-05-01                                            | 2023-01-01 | MR                 | 2025-04-01 | 2026-03-31
      MR 27 days between the other live vaccine                | 2023-05-10 | 水痘 1回目 2024-06-01                                         | 2024-06-10 | MR                 | 2024-06-29 | 2025-05-09
      小児肺炎球菌 booster: the later of 12 months and 60 days   | 2025-01-15 | 小児肺炎球菌 初回1回目 2025-03-15; 小児肺炎球菌 初回2回目 2025-10-01; 小児肺炎球菌 初回3回目 2025-12-01 | 2025-12-10 | PNEUMOCOCCAL_CHILD | 2026-01-31 | 2030-01-14
      日本脳炎 special: until the day before the 20th birthday   | 2007-04-01 |                                                             | 2026-06-01 | JAPANESE_ENCEPHALITIS | | 2027-03-31
      HPV from 小6 to the end of 高1                            | 2013-04-02 |                                                             | 2024-06-01 | HPV                | 2025-04-01 | 2030-03-31
      ロタ #1 by 14 weeks 6 days                                 | 2025-01-01 |                                                             | 2025-02-01 | ROTAVIRUS          | 2025-02-12 | 2025-04-15
      インフルエンザ out of season: the next season              | 1950-05-01 |                                                             | 2026-04-01 | INFLUENZA_ELDERLY  | 2026-10-01 | 2027-03-31
      インフルエンザ in season: until its end                     | 1950-05-01 |                                                             | 2025-11-01 | INFLUENZA_ELDERLY  |            | 2026-03-31
      新型コロナ given this season: the next season              | 1955-06-01 | 新型コロナ 1回 2025-10-20                                     | 2026-01-20 | COVID              | 2026-10-01 |
      肺炎球菌 at 64: from the day before the 65th birthday to the day before the 66th | 1960-11-01 |                               | 2025-06-01 | PNEUMOCOCCAL_ELDERLY | 2025-10-31 | 2026-10-31
      """)
  void eligibleFromAndUntilAreComputedFromTheTablesHints(String description, LocalDate birth, String doses,
      LocalDate on, String vaccine, LocalDate from, LocalDate until) {
    VaccineEligibility result = judge(birth, "FEMALE", false, doses, on, vaccine);

    assertThat(result.eligibleFrom()).as(description).isEqualTo(from);
    assertThat(result.eligibleUntil()).as(description).isEqualTo(until);
  }

  @Test
  void reasonsAreJapaneseSentencesWithEraDates() {
    assertThat(judge(LocalDate.of(2025, 11, 5), "MALE", false, null, LocalDate.of(2025, 12, 1), "HIB").reason())
        .isEqualTo("生後2か月から接種できます（令和8年1月4日から）");
    assertThat(judge(LocalDate.of(2023, 1, 1), "MALE", false, null, LocalDate.of(2025, 2, 1), "MR").reason())
        .startsWith("1期の接種期間（生後12か月〜24か月）を過ぎています");
    assertThat(judge(LocalDate.of(2023, 5, 10), "MALE", false, "水痘 1回目 2024-06-01", LocalDate.of(2024, 6, 10), "MR")
        .reason()).isEqualTo("他の注射生ワクチン（水痘）の接種から27日以上あけます（令和6年6月29日から接種できます）");
    assertThat(judge(LocalDate.of(2019, 5, 1), "MALE", false, null, LocalDate.of(2020, 1, 1), "HEPATITIS_B").reason())
        .isEqualTo("1歳の誕生日の前日（令和2年4月30日）まで接種できます（標準的な接種期間は生後2〜9か月）");
  }

  /** Born 2024-01-10: BCG's routine window ends on 2025-01-09 (the day before the 1st birthday). */
  private static final LocalDate BCG_CHILD = LocalDate.of(2024, 1, 10);

  @Test
  void longTermIllnessMakesAPassedWindowEligibleUntilTheExtensionsLastDayIncluded() {
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("BCG", LocalDate.of(2026, 6, 30)));

    VaccineEligibility lastDay = judge(BCG_CHILD, extended, LocalDate.of(2026, 6, 30), "BCG");
    assertThat(lastDay.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(lastDay.eligibleUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(lastDay.reason()).isEqualTo("長期療養特例により令和8年6月30日まで定期接種として受けられます");
    assertThat(judge(BCG_CHILD, extended, LocalDate.of(2026, 7, 1), "BCG").status()).isEqualTo(Status.OVERDUE);
  }

  @Test
  void longTermIllnessStartsTheDayAfterTheWindowWithoutChangingTheWindowItself() {
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("BCG", LocalDate.of(2026, 6, 30)));

    VaccineEligibility inWindow = judge(BCG_CHILD, extended, LocalDate.of(2025, 1, 9), "BCG");
    assertThat(inWindow.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(inWindow.eligibleUntil()).isEqualTo(LocalDate.of(2025, 1, 9));
    VaccineEligibility firstExtendedDay = judge(BCG_CHILD, extended, LocalDate.of(2025, 1, 10), "BCG");
    assertThat(firstExtendedDay.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(firstExtendedDay.eligibleUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void longTermIllnessOfAnotherVaccineLeavesThisOneOverdue() {
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("MR", LocalDate.of(2026, 6, 30)));

    assertThat(judge(BCG_CHILD, extended, LocalDate.of(2026, 1, 10), "BCG").status()).isEqualTo(Status.OVERDUE);
  }

  @Test
  void longTermIllnessKeepsAWaitForTheSeriesOwnIntervalThatEndsAfterTheWindow() {
    // B型肝炎 #1 four days before the window ends: #2 needs 27 whole days between, i.e. from 2025-02-02.
    String first = "B型肝炎 1回目 2025-01-05";
    assertThat(judge(BCG_CHILD, "MALE", false, first, LocalDate.of(2025, 1, 8), "HEPATITIS_B").status())
        .isEqualTo(Status.OVERDUE);
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("HEPATITIS_B", LocalDate.of(2026, 6, 30)));

    VaccineEligibility waiting = judge(BCG_CHILD, first, extended, LocalDate.of(2025, 1, 8), "HEPATITIS_B");
    assertThat(waiting.status()).isEqualTo(Status.UPCOMING);
    assertThat(waiting.eligibleFrom()).isEqualTo(LocalDate.of(2025, 2, 2));
    assertThat(waiting.eligibleUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(waiting.reason()).contains("長期療養特例", "令和8年6月30日", "令和7年2月2日");
  }

  @Test
  void longTermIllnessLeavesTheSeriesOwnIntervalsAfterTheWindowToDoseValidation() {
    // Once the table finds the window passed it looks at no interval: E032 checks it when the dose is registered.
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("HEPATITIS_B", LocalDate.of(2026, 6, 30)));

    VaccineEligibility judged = judge(BCG_CHILD, "B型肝炎 1回目 2025-01-05", extended, LocalDate.of(2025, 1, 20),
        "HEPATITIS_B");
    assertThat(judged.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(judged.nextDose()).isNull();
  }

  @Test
  void longTermIllnessMakesAMissedFirstPhaseEligibleAlthoughTheTableNamesTheNextPhase() {
    LocalDate birth = LocalDate.of(2023, 12, 7);
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("MR", LocalDate.of(2028, 11, 26)));
    assertThat(judge(birth, "MALE", false, null, LocalDate.of(2026, 12, 6), "MR").nextDose()).isEqualTo("2期");

    VaccineEligibility judged = judge(birth, extended, LocalDate.of(2026, 12, 6), "MR");
    assertThat(judged.status()).isEqualTo(Status.ELIGIBLE);
    assertThat(judged.eligibleUntil()).isEqualTo(LocalDate.of(2028, 11, 26));
  }

  @Test
  void longTermIllnessStillWaitsTwentySevenDaysAfterAnotherInjectedLiveVaccine() {
    List<Eligibility.Extension> extended = List.of(new Eligibility.Extension("BCG", LocalDate.of(2026, 6, 30)));

    VaccineEligibility judged = judge(BCG_CHILD, "MR 1期 2025-02-01", extended, LocalDate.of(2025, 2, 10), "BCG");
    assertThat(judged.status()).isEqualTo(Status.UPCOMING);
    assertThat(judged.eligibleFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
  }

  private VaccineEligibility judge(LocalDate birth, List<Eligibility.Extension> extensions, LocalDate on,
      String vaccine) {
    return judge(birth, null, extensions, on, vaccine);
  }

  private VaccineEligibility judge(LocalDate birth, String doses, List<Eligibility.Extension> extensions,
      LocalDate on, String vaccine) {
    return eligibility.forResident(birth, "MALE", parse(doses), false, extensions, on).stream()
        .filter(e -> e.vaccineCode().equals(vaccine)).findFirst().orElseThrow();
  }

  @Test
  void everyRoutineVaccineIsReportedOnceInScheduleOrder() {
    List<VaccineEligibility> all = eligibility.forResident(LocalDate.of(2025, 1, 10), "FEMALE", List.of(), false,
        List.of(), LocalDate.of(2025, 3, 10));

    assertThat(all).extracting(VaccineEligibility::vaccineCode).containsExactly("BCG", "HEPATITIS_B", "HIB",
        "PNEUMOCOCCAL_CHILD", "PENTAVALENT", "MR", "VARICELLA", "JAPANESE_ENCEPHALITIS", "DT", "HPV", "ROTAVIRUS",
        "INFLUENZA_ELDERLY", "PNEUMOCOCCAL_ELDERLY", "COVID");
    assertThat(all).extracting(VaccineEligibility::vaccineName).contains("BCG", "日本脳炎", "高齢者肺炎球菌");
    assertThat(all).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
  }

  @Test
  void dosesAfterTheDateAndUnknownVaccinesAreIgnoredAndFullWidthNamesMatch() {
    LocalDate birth = LocalDate.of(2024, 5, 10);
    assertThat(judge(birth, "MALE", false, "MR 1期 2025-08-01", LocalDate.of(2025, 7, 1), "MR").status())
        .isEqualTo(Status.ELIGIBLE);
    assertThat(judge(birth, "MALE", false, "ＭＲ 1期 2025-06-01", LocalDate.of(2025, 7, 1), "MR").status())
        .isEqualTo(Status.UPCOMING);
    assertThat(judge(birth, "MALE", false, "黄熱 1回 2025-06-20", LocalDate.of(2025, 7, 1), "MR").status())
        .isEqualTo(Status.ELIGIBLE);
  }

  @Test
  void badInputIsRefused() {
    LocalDate birth = LocalDate.of(2024, 5, 10);
    assertThatThrownBy(() -> eligibility.forResident(birth, "X", List.of(), false, List.of(), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eligibility.forResident(birth, "MALE", List.of(), false, List.of(), LocalDate.of(2024, 5, 9)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private VaccineEligibility judge(LocalDate birth, String sex, Boolean disability, String doses, LocalDate on,
      String vaccine) {
    return eligibility.forResident(birth, sex, parse(doses), Boolean.TRUE.equals(disability), List.of(), on).stream()
        .filter(e -> e.vaccineCode().equals(vaccine)).findFirst().orElseThrow();
  }

  private static List<DoseRecords.Dose> parse(String doses) {
    List<DoseRecords.Dose> parsed = new ArrayList<>();
    if (doses == null || doses.isBlank()) {
      return parsed;
    }
    for (String dose : doses.split(";")) {
      String[] parts = dose.strip().split("\\s+");
      parsed.add(new DoseRecords.Dose(parts[0], parts[1], LocalDate.parse(parts[2]), null, null));
    }
    return parsed;
  }
}
