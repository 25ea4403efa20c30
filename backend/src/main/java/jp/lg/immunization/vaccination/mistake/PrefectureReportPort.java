package jp.lg.immunization.vaccination.mistake;

import java.time.LocalDate;
import jp.lg.immunization.platform.Outbound;

/**
 * The way to the prefecture (都道府県), which collects 予防接種の間違い for the Ministry. The report carries no one's
 * name, address or number: the type, the vaccine, the age at the dose, what happened and what the city does about it.
 * Sending the same report id again must give the same receipt: the job may run twice.
 */
interface PrefectureReportPort {

  record Report(String reportId, LocalDate doseDate, String vaccine, String doseCategory, int ageYears,
                int ageMonths, String kind, String healthDamage, String whatHappened, String cause,
                String prevention) {}

  /** The prefecture's receipt number (受付番号): the answer comes with the call, so none is awaited later. */
  @Outbound(system = "prefecture", awaitsAnswer = false)
  String report(Report report);

  class PrefectureUnavailableException extends RuntimeException {
    PrefectureUnavailableException(String message) {
      super(message);
    }
  }
}
