package jp.lg.immunization.resident;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** 住登外者確認: what staff asked 市町村CS, what it answered, and the resident record it became. */
@Entity
@Table(name = "non_resident_case")
class NonResidentCase {

  /** The labels staff see are in case-statuses.properties. */
  enum Status implements CaseStatus {
    LOOKING_UP, PROPOSING, DOUBLE_CHECK, CONFIRMED, NOT_FOUND, WITHDRAWN, TIMED_OUT;

    private static final Set<Status> ENDED = EnumSet.of(CONFIRMED, NOT_FOUND, WITHDRAWN, TIMED_OUT);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  enum LookupOutcome { FOUND, NOT_FOUND }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String queryNameKana;
  private LocalDate queryBirthDate;

  @Enumerated(EnumType.STRING)
  private Sex querySex;

  private String queryReason;
  private String requestedBy;
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  private LookupOutcome lookupOutcome;

  private Instant answeredAt;
  private String foundFamilyNameKanji;
  private String foundGivenNameKanji;
  private String foundFamilyNameKana;
  private String foundGivenNameKana;
  private LocalDate foundBirthDate;

  @Enumerated(EnumType.STRING)
  private Sex foundSex;

  private String foundAddress;
  private byte[] foundMyNumberCipher;
  private byte[] foundMyNumberHash;
  private Long residentId;

  @Version
  private int version;

  protected NonResidentCase() {}

  NonResidentCase(IdentityQuery query, String reason, String requestedBy, Instant now) {
    this.status = Status.LOOKING_UP;
    this.queryNameKana = query.nameKana();
    this.queryBirthDate = query.birthDate();
    this.querySex = query.sex();
    this.queryReason = reason;
    this.requestedBy = requestedBy;
    this.createdAt = now;
  }

  /** Returns false when an answer was already recorded: the network may deliver one twice. */
  boolean recordAnswer(IdentityAnswer answer, MyNumberProtector protector, Instant now) {
    if (lookupOutcome != null) {
      return false;
    }
    this.answeredAt = now;
    if (answer.person() == null) {
      this.lookupOutcome = LookupOutcome.NOT_FOUND;
      return true;
    }
    IdentityAnswer.Person person = answer.person();
    this.lookupOutcome = LookupOutcome.FOUND;
    this.foundFamilyNameKanji = person.name().familyKanji();
    this.foundGivenNameKanji = person.name().givenKanji();
    this.foundFamilyNameKana = person.name().familyKana();
    this.foundGivenNameKana = person.name().givenKana();
    this.foundBirthDate = person.birthDate();
    this.foundSex = person.sex();
    this.foundAddress = person.address();
    this.foundMyNumberCipher = protector.encrypt(person.myNumber());
    this.foundMyNumberHash = protector.lookupHash(person.myNumber());
    return true;
  }

  void status(Status status) {
    this.status = status;
  }

  void linkResident(long residentId) {
    this.residentId = residentId;
  }

  Long id() { return id; }
  Status status() { return status; }
  IdentityQuery query() { return new IdentityQuery(queryNameKana, queryBirthDate, querySex); }
  String reason() { return queryReason; }
  String requestedBy() { return requestedBy; }
  Instant createdAt() { return createdAt; }
  LookupOutcome lookupOutcome() { return lookupOutcome; }
  Instant answeredAt() { return answeredAt; }
  PersonName foundName() {
    return new PersonName(foundFamilyNameKanji, foundGivenNameKanji, foundFamilyNameKana, foundGivenNameKana);
  }
  LocalDate foundBirthDate() { return foundBirthDate; }
  Sex foundSex() { return foundSex; }
  String foundAddress() { return foundAddress; }
  byte[] foundMyNumberCipher() { return foundMyNumberCipher; }
  byte[] foundMyNumberHash() { return foundMyNumberHash; }
  Long residentId() { return residentId; }
}
