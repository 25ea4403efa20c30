package jp.lg.immunization.vaccination;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The routine vaccines with their decision tables in processes/eligibility-*.dmn, and the names under which
 * dose records may carry them (接種種別 is free text in older data, so several spellings are accepted).
 */
enum Vaccine {
  BCG("BCG", "BcgEligibility", true, "BCG"),
  HEPATITIS_B("B型肝炎", "HepatitisBEligibility", false, "B型肝炎", "HBV"),
  HIB("ヒブ", "HibEligibility", false, "ヒブ", "HIB"),
  PNEUMOCOCCAL_CHILD("小児肺炎球菌", "PneumococcalChildEligibility", false, "小児肺炎球菌", "PCV"),
  // 四種混合 before 2024-04 and 五種混合 after it are one series: the tables count them together.
  PENTAVALENT("五種混合", "PentavalentEligibility", false, "五種混合", "5種混合", "四種混合", "4種混合", "DPT-IPV-HIB",
      "DPT-IPV"),
  MR("MR（麻しん風しん）", "MrEligibility", true, "MR", "麻しん風しん", "麻しん風しん混合", "麻しん・風しん混合"),
  VARICELLA("水痘", "VaricellaEligibility", true, "水痘", "水ぼうそう"),
  JAPANESE_ENCEPHALITIS("日本脳炎", "JapaneseEncephalitisEligibility", false, "日本脳炎"),
  DT("二種混合（DT）", "DtEligibility", false, "DT", "二種混合", "2種混合"),
  HPV("HPV（ヒトパピローマウイルス）", "HpvEligibility", false, "HPV", "ヒトパピローマウイルス", "子宮頸がん予防"),
  ROTAVIRUS("ロタウイルス", "RotavirusEligibility", false, "ロタ", "ロタウイルス"),
  INFLUENZA_ELDERLY("高齢者インフルエンザ", "InfluenzaElderlyEligibility", false, "高齢者インフルエンザ", "インフルエンザ"),
  PNEUMOCOCCAL_ELDERLY("高齢者肺炎球菌", "PneumococcalElderlyEligibility", false, "高齢者肺炎球菌", "PPSV23",
      "23価肺炎球菌"),
  COVID("新型コロナ", "CovidEligibility", false, "新型コロナ", "新型コロナウイルス", "COVID-19"),
  // Not routine, but an injected live vaccine: it still starts the 27-day wait for MR, 水痘 and BCG.
  MUMPS("おたふくかぜ", null, true, "おたふくかぜ", "おたふく", "ムンプス");

  static final String LIVE_INTERVAL_DECISION = "LiveVaccineInterval";

  /** Record names that mean the pentavalent vaccine itself, which contains Hib (not the older 四種混合). */
  private static final Set<String> WITH_HIB = Set.of(normalize("五種混合"), normalize("5種混合"), normalize("DPT-IPV-HIB"));

  private final String japaneseName;
  private final String decisionKey;
  private final boolean injectedLive;
  private final Set<String> recordNames;

  Vaccine(String japaneseName, String decisionKey, boolean injectedLive, String... recordNames) {
    this.japaneseName = japaneseName;
    this.decisionKey = decisionKey;
    this.injectedLive = injectedLive;
    this.recordNames = Stream.concat(Stream.of(japaneseName), Arrays.stream(recordNames)).map(Vaccine::normalize)
        .collect(Collectors.toUnmodifiableSet());
  }

  String japaneseName() {
    return japaneseName;
  }

  String decisionKey() {
    return decisionKey;
  }

  Set<String> recordNames() {
    return recordNames;
  }

  boolean injectedLive() {
    return injectedLive;
  }

  /** Whether the service reports on it (the routine schedule), as opposed to only taking its doses into account. */
  boolean routine() {
    return decisionKey != null;
  }

  static Optional<Vaccine> fromRecord(String recordedName) {
    if (recordedName == null) {
      return Optional.empty();
    }
    String name = normalize(recordedName);
    return Arrays.stream(values()).filter(v -> v.name().equals(name) || v.recordNames.contains(name)).findFirst();
  }

  static boolean containsHib(String recordedName) {
    return recordedName != null && WITH_HIB.contains(normalize(recordedName));
  }

  // Full-width letters and digits (ＭＲ, ５種混合) are common in hand-entered records.
  private static String normalize(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
  }
}
