package jp.lg.immunization.illness;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.platform.LegalDates;

/**
 * How long a 長期療養特例 extends a vaccine's routine period (予防接種法施行令第1条の3第2項 and the illnesses 施行規則 names):
 * a resident who could not be vaccinated in the routine period because of a long-term illness (特別の事情) may receive
 * the vaccine as a routine one 「当該特別の事情がなくなった日から起算して二年を経過する日までの間」, and for some
 * vaccines only 「●歳に達するまでの間」.
 *
 * <p>Two years 「起算して」 from the day the illness ended count that day as the first (民法第143条 with 初日算入, as
 * for an age: 年齢計算ニ関スル法律): the period ends at the end of the day before the same date two years later, or at
 * the end of that month when it has no such date. That is {@link LegalDates#monthsReachedOn}{@code (ended, 24)}:
 * ended on 令和7年3月1日 → 令和9年2月28日; ended on 令和6年2月29日 → 令和8年2月28日.
 *
 * <p>The upper ages (「●歳に達するまで」: the day before the birthday, included, {@link LegalDates#yearsReachedOn}):
 * BCG (結核) 4 years, ヒブ 10 years, 小児肺炎球菌 6 years, 四種混合・五種混合 (ジフテリア・百日せき・急性灰白髄炎・破傷風)
 * 15 years. The other A類 vaccines have the two years only; the B類 vaccines (高齢者インフルエンザ・高齢者肺炎球菌・新型コロナ)
 * have no such special case.
 */
final class LongTermIllnessRule {

  /** The A類 routine vaccines (by {@code Eligibility.RoutineVaccine} code) the special case applies to. */
  static final Set<String> VACCINES = Set.of("BCG", "HEPATITIS_B", "HIB", "PNEUMOCOCCAL_CHILD", "PENTAVALENT", "MR",
      "VARICELLA", "JAPANESE_ENCEPHALITIS", "DT", "HPV", "ROTAVIRUS");

  private static final Map<String, Integer> UPPER_AGE_YEARS = Map.of("BCG", 4, "HIB", 10, "PNEUMOCOCCAL_CHILD", 6,
      "PENTAVALENT", 15);

  private static final int EXTENSION_MONTHS = 24;

  private LongTermIllnessRule() {}

  /**
   * The last day on which {@code vaccineCode} may be received as a routine vaccination under the special case, or
   * empty when the special case gives nothing: a B類 or unknown vaccine, or an upper age reached before the illness
   * ended.
   *
   * @param birth the resident's date of birth
   * @param illnessEnded the day the 特別の事情 ended (the first day of the two years)
   */
  static Optional<LocalDate> until(String vaccineCode, LocalDate birth, LocalDate illnessEnded) {
    if (!VACCINES.contains(vaccineCode)) {
      return Optional.empty();
    }
    LocalDate until = LegalDates.monthsReachedOn(illnessEnded, EXTENSION_MONTHS);
    Integer upperAge = UPPER_AGE_YEARS.get(vaccineCode);
    if (upperAge != null) {
      LocalDate ageLimit = LegalDates.yearsReachedOn(birth, upperAge);
      if (ageLimit.isBefore(until)) {
        until = ageLimit;
      }
    }
    return until.isBefore(illnessEnded) ? Optional.empty() : Optional.of(until);
  }

  /** The upper age of the vaccine under the special case, for messages; empty for the two years only. */
  static Optional<Integer> upperAgeYears(String vaccineCode) {
    return Optional.ofNullable(UPPER_AGE_YEARS.get(vaccineCode));
  }
}
