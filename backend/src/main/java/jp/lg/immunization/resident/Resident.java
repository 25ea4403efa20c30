package jp.lg.immunization.resident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "resident")
class Resident {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String addresseeNumber;
  private byte[] myNumberCipher;
  private byte[] myNumberHash;
  private String familyNameKanji;
  private String givenNameKanji;
  private String familyNameKana;
  private String givenNameKana;
  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  private Sex sex;

  private String postalCode;
  private String address;
  private String phone;
  private String householdNumber;
  private String relationship;
  private String householdHeadName;

  @Enumerated(EnumType.STRING)
  private ResidentStatus status;

  @Enumerated(EnumType.STRING)
  private ResidentSource source;

  private String searchText;
  private Instant createdAt;
  private Instant updatedAt;

  @Version
  @Column(name = "version")
  private int version;

  protected Resident() {}

  Resident(String addresseeNumber, PersonName name, LocalDate birthDate, Sex sex, String address,
           ResidentStatus status, ResidentSource source, Instant now) {
    this.addresseeNumber = addresseeNumber;
    this.familyNameKanji = name.familyKanji();
    this.givenNameKanji = name.givenKanji();
    this.familyNameKana = name.familyKana();
    this.givenNameKana = name.givenKana();
    this.birthDate = birthDate;
    this.sex = sex;
    this.address = address;
    this.status = status;
    this.source = source;
    this.searchText = searchTextOf(name);
    this.createdAt = now;
    this.updatedAt = now;
  }

  void contact(String postalCode, String phone) {
    this.postalCode = postalCode;
    this.phone = phone;
  }

  void household(String householdNumber, String relationship, String householdHeadName) {
    this.householdNumber = householdNumber;
    this.relationship = relationship;
    this.householdHeadName = householdHeadName;
  }

  void myNumber(byte[] cipher, byte[] lookupHash) {
    this.myNumberCipher = cipher;
    this.myNumberHash = lookupHash;
  }

  /**
   * Kanji and kana without spaces, NFKC-normalised and in katakana, so that a search for a part of
   * either finds the person however it was typed.
   */
  static String searchTextOf(PersonName name) {
    return normalise(name.familyKanji() + name.givenKanji()) + " " + normalise(name.familyKana() + name.givenKana());
  }

  /** Katakana, NFKC, with family and given name separated by one half-width space. */
  static String normaliseKana(String text) {
    return toKatakana(Normalizer.normalize(text, Normalizer.Form.NFKC).trim().replaceAll("[\\s　]+", " "));
  }

  static String normalise(String text) {
    return toKatakana(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s　]", ""));
  }

  private static String toKatakana(String text) {
    StringBuilder katakana = new StringBuilder(text.length());
    text.codePoints().map(c -> c >= 'ぁ' && c <= 'ゖ' ? c + ('ァ' - 'ぁ') : c).forEach(katakana::appendCodePoint);
    return katakana.toString();
  }

  Long id() { return id; }
  String addresseeNumber() { return addresseeNumber; }
  boolean hasMyNumber() { return myNumberCipher != null; }
  byte[] myNumberCipher() { return myNumberCipher; }
  PersonName name() { return new PersonName(familyNameKanji, givenNameKanji, familyNameKana, givenNameKana); }
  LocalDate birthDate() { return birthDate; }
  Sex sex() { return sex; }
  String postalCode() { return postalCode; }
  String address() { return address; }
  String phone() { return phone; }
  String householdNumber() { return householdNumber; }
  String relationship() { return relationship; }
  String householdHeadName() { return householdHeadName; }
  ResidentStatus status() { return status; }
  ResidentSource source() { return source; }
}
