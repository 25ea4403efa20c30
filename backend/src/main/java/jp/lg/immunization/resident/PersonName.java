package jp.lg.immunization.resident;

record PersonName(String familyKanji, String givenKanji, String familyKana, String givenKana) {

  String fullKanji() {
    return familyKanji + " " + givenKanji;
  }

  String fullKana() {
    return familyKana + " " + givenKana;
  }
}
