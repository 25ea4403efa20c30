package jp.lg.immunization.vaccination;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 自己負担金: what a resident pays for a routine dose. The amounts and the city's own exemptions are city
 * settings, so they live in processes/copay.dmn where staff can change them in Camunda Modeler, not here.
 */
@Service
public class CoPay {

  static final String DECISION = "CoPay";

  private final DeployedDecisions decisions;

  CoPay(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /**
   * @param vaccineCode a routine vaccine's code, e.g. {@code INFLUENZA_ELDERLY}
   * @param publicAssistance the resident receives 生活保護
   * @param residentTaxExempt the resident's household is exempt from resident tax (住民税非課税世帯)
   * @throws IllegalArgumentException for a code that is not a routine vaccine: a typo must not print a free ticket
   */
  public CoPayDecision decide(String vaccineCode, boolean publicAssistance, boolean residentTaxExempt) {
    Vaccine vaccine = routineVaccine(vaccineCode);
    Map<String, Object> row = decisions.evaluate(DECISION, Map.of("vaccineCode", vaccine.name(),
        "publicAssistance", publicAssistance, "residentTaxExempt", residentTaxExempt));
    int amountYen = ((Number) row.get("amountYen")).intValue();
    return new CoPayDecision(amountYen, amountYen == 0, (String) row.get("reason"));
  }

  private static Vaccine routineVaccine(String code) {
    try {
      Vaccine vaccine = Vaccine.valueOf(code == null ? "" : code);
      if (vaccine.routine()) {
        return vaccine;
      }
    } catch (IllegalArgumentException unknown) {
      // reported below with the offending code
    }
    throw new IllegalArgumentException("Not a routine vaccine code: " + code);
  }
}
