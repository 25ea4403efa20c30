package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * A part of the resident's case page that another module owns: the doses and the eligibility forecast come from
 * vaccination, which itself reads residents, so the page asks for its sections instead of calling that module.
 */
public interface ResidentCaseSection {

  /** The property under which the section appears in the case page's JSON. */
  String name();

  /** Called inside the page's read transaction, after the view has been audited. */
  Object content(ResidentDirectory.ResidentRef resident, LocalDate on);

  static ResidentCaseSection named(String name, BiFunction<ResidentDirectory.ResidentRef, LocalDate, Object> content) {
    return new ResidentCaseSection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object content(ResidentDirectory.ResidentRef resident, LocalDate on) {
        return content.apply(resident, on);
      }
    };
  }
}
