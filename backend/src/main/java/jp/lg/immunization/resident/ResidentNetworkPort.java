package jp.lg.immunization.resident;

import jp.lg.immunization.platform.Outbound;

/**
 * The port to 住基ネット through the city's 市町村CS. A request is only sent here; the answer arrives
 * later through {@link IdentityLookupAnswers#accept}. Sending the same request id again must be
 * harmless: the job that sends it may run twice.
 */
interface ResidentNetworkPort {

  @Outbound(system = "resident-network")
  void requestIdentityLookup(String requestId, IdentityQuery query);

  /** The network could not be reached or refused the request; the engine retries, then raises an incident. */
  class ResidentNetworkUnavailableException extends RuntimeException {
    ResidentNetworkUnavailableException(String message) {
      super(message);
    }
  }
}
