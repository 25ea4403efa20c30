package jp.lg.immunization.vaccination;

import java.time.LocalDate;

/**
 * What a resident may receive of one routine vaccine on a given date (接種可能範囲).
 *
 * @param vaccineCode stable code, e.g. {@code MR}, {@code JAPANESE_ENCEPHALITIS}
 * @param vaccineName the name staff read, e.g. 日本脳炎
 * @param status where the resident stands in the series
 * @param nextDose the dose category (接種区分) of the next or missed dose, e.g. 1期初回2回目; null when none applies
 * @param eligibleFrom the first day the next dose may be given, when it is not already today
 * @param eligibleUntil the last day of the routine period for that dose, when there is one
 * @param reason a sentence for staff and residents, in Japanese, with dates in the Japanese era
 */
public record VaccineEligibility(String vaccineCode, String vaccineName, Status status, String nextDose,
    LocalDate eligibleFrom, LocalDate eligibleUntil, String reason) {

  public enum Status {
    /** The next dose may be given today as a routine vaccination. */
    ELIGIBLE,
    /** Not yet: too young, an interval has not passed, or out of season; see eligibleFrom. */
    UPCOMING,
    /** The routine period for the series (or the missed part of it) has passed unfinished. */
    OVERDUE,
    /** Every routine dose of the series has been given (for seasonal vaccines: this season). */
    COMPLETED,
    /** The resident is not in the target group at all (e.g. HPV for boys, ロタ before 2020-08-01 births). */
    NOT_ELIGIBLE
  }
}
