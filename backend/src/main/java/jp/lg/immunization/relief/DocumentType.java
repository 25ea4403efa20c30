package jp.lg.immunization.relief;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The documents a claim needs (請求書類), and which benefits or claimants need each one. */
enum DocumentType {
  CLAIM_FORM("請求書"),
  VACCINATION_PROOF("予防接種を受けたことを証明する書類"),
  MEDICAL_RECORDS("受診証明書・診療録"),
  MEDICAL_RECEIPTS("医療費の領収書"),
  DISABILITY_CERTIFICATE("障害の状態に関する診断書"),
  CARE_CERTIFICATE("介護を要する状態に関する診断書"),
  DEATH_CERTIFICATE("死亡診断書"),
  FAMILY_REGISTER("請求者との続柄を証明する書類（戸籍謄本等）"),
  OTHER("その他");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** What a claim for these benefits by this claimant must include. */
  static Set<DocumentType> requiredFor(Collection<BenefitType> benefits, String claimantRelation) {
    Set<DocumentType> required = new LinkedHashSet<>();
    required.add(CLAIM_FORM);
    required.add(VACCINATION_PROOF);
    for (BenefitType benefit : benefits) {
      switch (benefit) {
        case MEDICAL_EXPENSES -> {
          required.add(MEDICAL_RECORDS);
          required.add(MEDICAL_RECEIPTS);
        }
        case MEDICAL_ALLOWANCE -> required.add(MEDICAL_RECORDS);
        case CHILD_DISABILITY_PENSION, DISABILITY_PENSION -> required.add(DISABILITY_CERTIFICATE);
        case NURSING_CARE_ADDITION -> required.add(CARE_CERTIFICATE);
        case DEATH_LUMP_SUM, SURVIVOR_PENSION, SURVIVOR_LUMP_SUM, FUNERAL_EXPENSES -> required.add(DEATH_CERTIFICATE);
        default -> { }
      }
    }
    if (!"SELF".equals(claimantRelation)) {
      required.add(FAMILY_REGISTER);
    }
    return required;
  }
}
