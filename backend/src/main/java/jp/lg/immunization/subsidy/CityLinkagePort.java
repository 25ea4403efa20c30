package jp.lg.immunization.subsidy;

import jp.lg.immunization.platform.Outbound;

/**
 * The port to the city's 庁内連携システム for a resident's local-tax status (住民税課税台帳) and public-assistance
 * status (生活保護台帳). A request is only sent here; the answer arrives later through
 * {@link StatusMatchAnswers#accept}. Sending the same request id again must be harmless: the job that sends it
 * may run twice.
 */
interface CityLinkagePort {

  /** Asks for the status of the resident with this 宛名番号 for the fiscal year's tax records. */
  record StatusRequest(String requestId, String addresseeNumber, int fiscalYear) {}

  /** The departments' answer; either part may be unknown to them. */
  record StatusAnswer(LocalTaxStatus localTax, AssistanceStatus assistance) {}

  @Outbound(system = "city-linkage")
  void requestStatus(StatusRequest request);

  /** The link could not be reached or refused the request; the engine retries, then raises an incident. */
  class CityLinkageUnavailableException extends RuntimeException {
    CityLinkageUnavailableException(String message) {
      super(message);
    }
  }
}
