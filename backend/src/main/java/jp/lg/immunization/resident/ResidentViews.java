package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.List;

/** What the API shows of a resident. 個人番号 never leaves unmasked here. */
final class ResidentViews {

  static final String MY_NUMBER_MASK = "****-****-****";

  private ResidentViews() {}

  record Summary(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate,
                 Sex sex, String address, ResidentStatus status, String myNumberMasked) {

    static Summary of(Resident resident) {
      PersonName name = resident.name();
      return new Summary(resident.id(), resident.addresseeNumber(), name.fullKanji(), name.fullKana(),
          resident.birthDate(), resident.sex(), resident.address(), resident.status(),
          resident.hasMyNumber() ? MY_NUMBER_MASK : null);
    }
  }

  record Detail(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate,
                Sex sex, String address, ResidentStatus status, String myNumberMasked, String postalCode,
                String phone, String householdNumber, String relationship, String householdHeadName,
                ResidentSource source) {

    static Detail of(Resident resident) {
      Summary summary = Summary.of(resident);
      return new Detail(summary.id(), summary.addresseeNumber(), summary.nameKanji(), summary.nameKana(),
          summary.birthDate(), summary.sex(), summary.address(), summary.status(), summary.myNumberMasked(),
          resident.postalCode(), resident.phone(), resident.householdNumber(), resident.relationship(),
          resident.householdHeadName(), resident.source());
    }
  }

  /** {@code totalCapped}: there are more matches than {@code total}, where counting stopped (「1,000件以上」). */
  record Page(List<Summary> items, int page, int size, long total, boolean totalCapped) {}
}
