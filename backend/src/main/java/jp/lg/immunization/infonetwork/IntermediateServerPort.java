package jp.lg.immunization.infonetwork;

/**
 * The port to the city's 中間サーバー and the 情報提供ネットワークシステム. A query is accepted or
 * refused at once (the network checks its own permit list); its answer arrives later through
 * {@link QueryAnswers#accept}. Sending the same request id again must be harmless.
 */
interface IntermediateServerPort {

  enum Acceptance { ACCEPTED, REFUSED }

  record NetworkQuery(String requestId, String networkCode, InformationItem item, LegalBasis basis) {}

  Acceptance sendQuery(NetworkQuery query);

  enum ProvisionKind { PROVIDED, REFUSED }

  /** Our answer to a request from another agency: the content, or a refusal without any content. */
  record ProvisionAnswer(String networkRequestId, ProvisionKind kind, String content) {}

  void sendProvisionAnswer(ProvisionAnswer answer);

  /** Registers (or replaces) the 副本 that others may query, under the person's 符号. */
  record FukuhonUpdate(String requestId, String networkCode, InformationItem item, String content) {}

  void registerFukuhon(FukuhonUpdate update);

  class IntermediateServerUnavailableException extends RuntimeException {
    IntermediateServerUnavailableException(String message) {
      super(message);
    }
  }
}
