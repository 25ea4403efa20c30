package jp.lg.immunization.resident;

import java.time.LocalDate;

/**
 * One synthetic entry of the resident register, as produced by {@link SyntheticResidentGenerator}.
 *
 * @param addresseeNumber 宛名番号, 10 digits, unique within one generated population
 * @param myNumber 個人番号 with a valid check digit, unique within one generated population
 * @param familyNameKana full-width katakana
 * @param givenNameKana full-width katakana
 * @param postalCode {@code 360-0nnn}
 * @param address prefecture, city, town, 丁目-番-号 and, for apartments, building and room
 * @param phone in the unassigned {@code 000-} range so that nobody is ever called by mistake
 * @param householdNumber 世帯番号, shared by all members of a household
 * @param relationship 続柄 to the head of household, e.g. 世帯主, 妻, 子, 母, 孫
 * @param householdHeadNameKanji the head's {@link #fullNameKanji()}
 */
public record GeneratedResident(
    String addresseeNumber,
    MyNumber myNumber,
    String familyNameKanji,
    String givenNameKanji,
    String familyNameKana,
    String givenNameKana,
    LocalDate birthDate,
    Sex sex,
    String postalCode,
    String address,
    String phone,
    String householdNumber,
    String relationship,
    String householdHeadNameKanji) {

  static final String NAME_SEPARATOR = " ";

  /** e.g. {@code 山田 太郎}. */
  public String fullNameKanji() {
    return familyNameKanji + NAME_SEPARATOR + givenNameKanji;
  }

  /** e.g. {@code ヤマダ タロウ}. */
  public String fullNameKana() {
    return familyNameKana + NAME_SEPARATOR + givenNameKana;
  }
}
