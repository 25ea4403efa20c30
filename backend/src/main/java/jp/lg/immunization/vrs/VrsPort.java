package jp.lg.immunization.vrs;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.Outbound;

/**
 * The port to the ワクチン接種記録システム (VRS) of the Digital Agency. Dose registrations are accepted when sent; a
 * mover query is answered later through {@link MoverQueryAnswers#accept}. Sending the same request id again must be
 * harmless: the job that sends it may run twice.
 */
interface VrsPort {

  /** One dose as VRS keys it: by the ticket's 接種券番号 and the 自治体コード of the municipality that issued it. */
  record DoseLine(Kind kind, String ticketNumber, String municipalityCode, int doseNumber, LocalDate doseDate,
                  String vaccineMaker, String lotNumber) {

    enum Kind { REGISTER, CORRECT, DELETE }
  }

  record DoseSubmission(String requestId, List<DoseLine> lines) {}

  @Outbound(system = "vrs", awaitsAnswer = false)
  void registerDoses(DoseSubmission submission);

  /**
   * A query of the former municipality's records of a resident who moved in. The adapter sends the resident's
   * 個人番号 (from {@link MoverQueryMessages}, never kept in the outbox) together with the former municipality's code
   * (R31): VRS looks the number up in that municipality's records only.
   */
  record MoverQuery(String requestId, long residentId, String formerMunicipalityCode) {}

  @Outbound(system = "vrs")
  void queryFormerMunicipality(MoverQuery query);

  enum Outcome { FOUND, NOT_FOUND }

  /** A dose the former municipality registered (the COVID-19 record items of 別添1). */
  record FormerDose(int doseNumber, LocalDate doseDate, String vaccineMaker, String lotNumber,
                    String municipalityCode, String ticketNumber) {}

  /** NOT_FOUND carries nothing: VRS does not say whether or where else the person is known. */
  record MoverAnswer(Outcome outcome, List<FormerDose> doses) {}

  /** VRS could not be reached or refused the call; the engine retries, then raises an incident. */
  class VrsUnavailableException extends RuntimeException {
    VrsUnavailableException(String message) {
      super(message);
    }
  }
}
