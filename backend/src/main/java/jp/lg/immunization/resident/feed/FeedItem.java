package jp.lg.immunization.resident.feed;

import java.util.Arrays;
import java.util.Optional;

/**
 * The items of a resident register feed line, by the Japanese header name the file uses (README, 住民記録の連携ファイル).
 * The identification and contact items are those of the 予防接種ファイル; the rest say which 異動 the line is.
 */
enum FeedItem {
  EVENT_SERIAL("eventSerial", "異動連番", 32),
  EVENT("event", "異動事由", 10),
  MOVED_ON("movedOn", "異動日", 20),
  NOTIFIED_ON("notifiedOn", "届出日", 20),
  ADDRESSEE_NUMBER("addresseeNumber", "宛名番号", 10),
  INTEGRATED_ADDRESSEE_NUMBER("integratedAddresseeNumber", "統合宛名番号", 15),
  RESIDENT_CODE("residentCode", "住民票コード", 11),
  MY_NUMBER("myNumber", "個人番号", 20),
  FAMILY_NAME_KANJI("familyNameKanji", "氏", 50),
  GIVEN_NAME_KANJI("givenNameKanji", "名", 50),
  FAMILY_NAME_KANA("familyNameKana", "氏カナ", 50),
  GIVEN_NAME_KANA("givenNameKana", "名カナ", 50),
  BIRTH_DATE("birthDate", "生年月日", 20),
  SEX("sex", "性別", 2),
  POSTAL_CODE("postalCode", "郵便番号", 8),
  ADDRESS("address", "住所", 200),
  PHONE("phone", "電話番号", 20),
  HOUSEHOLD_NUMBER("householdNumber", "世帯番号", 12),
  RELATIONSHIP("relationship", "続柄", 20),
  HOUSEHOLD_HEAD_NAME("householdHeadName", "世帯主氏名", 100);

  private final String key;
  private final String header;
  private final int maxLength;

  FeedItem(String key, String header, int maxLength) {
    this.key = key;
    this.header = header;
    this.maxLength = maxLength;
  }

  String key() {
    return key;
  }

  String header() {
    return header;
  }

  int maxLength() {
    return maxLength;
  }

  static Optional<FeedItem> byHeader(String header) {
    String trimmed = header.strip();
    return Arrays.stream(values()).filter(item -> item.header.equals(trimmed)).findFirst();
  }

  static Optional<FeedItem> byKey(String key) {
    return Arrays.stream(values()).filter(item -> item.key.equals(key)).findFirst();
  }
}
