package jp.lg.immunization.vaccination;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The items of a dose record as staff and clinics send them (予防接種ファイル, DOMAIN.md 5): the key used by the API,
 * the column header of the clinics' CSV, the column of dose_record, and how the text is read. The 25th item,
 * エラーコード, is the validation's answer and not an input.
 */
enum DoseItem {
  ADDRESSEE_NUMBER("addresseeNumber", "宛名番号", null, Kind.TEXT, 10, true),
  VACCINE("vaccine", "接種種別", "vaccine", Kind.TEXT, 30, true),
  DOSE_CATEGORY("doseCategory", "接種区分", "dose_category", Kind.TEXT, 40, true),
  BIRTH_DATE("birthDate", "生年月日", "birth_date", Kind.DATE, 10, false),
  SEX("sex", "性別", "sex", Kind.SEX, 6, false),
  LOT_NUMBER("lotNumber", "LotNo", "lot_number", Kind.LOT, 20, true),
  DOSE_VOLUME("doseVolumeMl", "接種量", "dose_volume_ml", Kind.VOLUME, 6, false),
  INSTITUTION("institutionId", "接種_医療機関ID", "institution_id", Kind.TEXT, 20, true),
  DOSE_DATE("doseDate", "接種年月日", "dose_date", Kind.DATE, 10, true),
  BILLING_MONTH("billingMonth", "請求月", "billing_month", Kind.MONTH, 7, false),
  PLACE("placeId", "実施場所ID", "place_id", Kind.TEXT, 20, false),
  SCREENING_CATEGORY("screeningCategory", "予診区分", "screening_category", Kind.TEXT, 20, false),
  SCREENING_INSTITUTION("screeningInstitutionId", "予診_医療機関ID", "screening_institution_id", Kind.TEXT, 20, false),
  SCREENING_DOCTOR("screeningDoctorId", "予診_医師ID", "screening_doctor_id", Kind.TEXT, 20, false),
  DOCTOR("doctorId", "接種_医師ID", "doctor_id", Kind.TEXT, 20, true),
  PRE_MERGER_TOWN("preMergerTown", "合併前市町村", "pre_merger_town", Kind.TEXT, 40, false),
  VACCINE_MAKER("vaccineMaker", "ワクチン会社", "vaccine_maker", Kind.TEXT, 40, false),
  DT_CATEGORY("dtCategory", "二混合区分", "dt_category", Kind.TEXT, 20, false),
  INITIAL_VACCINE_CATEGORY("initialVaccineCategory", "初回ワクチン区分", "initial_vaccine_category", Kind.TEXT, 20,
      false),
  TUBERCULIN_RESULT("tuberculinResult", "ツベルクリン判定", "tuberculin_result", Kind.TEXT, 20, false),
  TUBERCULIN_SIZE_V("tuberculinSizeV", "大きさ縦", "tuberculin_size_v", Kind.SIZE, 6, false),
  TUBERCULIN_SIZE_H("tuberculinSizeH", "大きさ横", "tuberculin_size_h", Kind.SIZE, 6, false),
  TUBERCULIN_STATE("tuberculinState", "状態", "tuberculin_state", Kind.TEXT, 20, false),
  REMARKS("remarks", "備考", "remarks", Kind.TEXT, 500, false);

  /** How an item's text becomes a value; each kind has its own format message. */
  enum Kind { TEXT, DATE, MONTH, SEX, LOT, VOLUME, SIZE }

  private static final Map<String, DoseItem> BY_KEY = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(DoseItem::key, Function.identity()));
  private static final Map<String, DoseItem> BY_HEADER = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(item -> DoseInput.clean(item.header()), Function.identity()));

  private final String key;
  private final String header;
  private final String column;
  private final Kind kind;
  private final int maxLength;
  private final boolean required;

  DoseItem(String key, String header, String column, Kind kind, int maxLength, boolean required) {
    this.key = key;
    this.header = header;
    this.column = column;
    this.kind = kind;
    this.maxLength = maxLength;
    this.required = required;
  }

  String key() {
    return key;
  }

  String header() {
    return header;
  }

  /**
   * The item's name in messages to staff: the CSV header, except where the header is a clinic system's spelling
   * (LotNo, 接種_医療機関ID) rather than a word staff use.
   */
  String label() {
    return switch (this) {
      case LOT_NUMBER -> "ロット番号";
      case INSTITUTION -> "接種医療機関";
      case PLACE -> "実施場所";
      case SCREENING_INSTITUTION -> "予診医療機関";
      case SCREENING_DOCTOR -> "予診医師";
      case DOCTOR -> "接種医師";
      case TUBERCULIN_SIZE_V -> "ツベルクリンの大きさ縦";
      case TUBERCULIN_SIZE_H -> "ツベルクリンの大きさ横";
      case TUBERCULIN_STATE -> "ツベルクリンの状態";
      default -> header;
    };
  }

  /** The dose_record column, or null for the 宛名番号, which the record holds as its resident. */
  String column() {
    return column;
  }

  Kind kind() {
    return kind;
  }

  int maxLength() {
    return maxLength;
  }

  boolean required() {
    return required;
  }

  static Optional<DoseItem> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Headers are matched after the same clean-up as values, so full-width or spaced headers are found too. */
  static Optional<DoseItem> byHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(DoseInput.clean(header)));
  }
}
