package jp.lg.immunization.resident;

import java.time.LocalDate;

/** 市町村CS's answer: the person's identity data, or no person when nobody matches. */
record IdentityAnswer(Person person) {

  record Person(PersonName name, LocalDate birthDate, Sex sex, String address, MyNumber myNumber) {}

  static IdentityAnswer notFound() {
    return new IdentityAnswer(null);
  }
}
