package jp.lg.immunization.resident;

/**
 * Register items that one 異動 sets together. Each group remembers the 異動日 that set it last, and only a 異動 at
 * least as recent sets it again: that is what makes the order in which files arrive not matter.
 * {@link ResidentRegisterChanged} names the groups a change replaced.
 */
public enum ItemGroup {
  /** 住民 / 転出 / 死亡, and since when. */
  STATUS,
  /** 生年月日, 性別. */
  IDENTITY,
  /** 氏名 in kanji and kana. */
  NAME,
  /** 郵便番号, 住所, 電話番号. */
  ADDRESS,
  /** 世帯番号, 続柄, 世帯主氏名. */
  HOUSEHOLD,
  RESIDENT_CODE,
  MY_NUMBER,
  INTEGRATED_ADDRESSEE
}
