package jp.lg.immunization.infonetwork.network;

import java.util.Map;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.platform.Outbound;

/**
 * The port to the city's 中間サーバー and the 情報提供ネットワークシステム. A query is accepted or
 * refused at once (the network checks its own permit list); its answer arrives later through
 * {@link QueryAnswerReceiver}, and other agencies' requests through {@link ProvisionRequestReceiver}. Sending the
 * same request id again must be harmless.
 */
public interface IntermediateServerPort {

  enum Acceptance { ACCEPTED, REFUSED }

  /** Where the network delivers the answer to one of our queries. A second delivery must change nothing. */
  interface QueryAnswerReceiver {
    void accept(String requestId, Map<String, Object> payload);
  }

  /**
   * Where the network delivers another agency's request for a resident's data, addressed by 符号; returns the
   * request's id here. The same request delivered twice is received once.
   */
  interface ProvisionRequestReceiver {
    long receive(String networkRequestId, String networkCode, InformationItem item, LegalBasis basis,
                 String requesterAgency);
  }

  record NetworkQuery(String requestId, String networkCode, InformationItem item, LegalBasis basis) {}

  @Outbound(system = "intermediate-server")
  Acceptance sendQuery(NetworkQuery query);

  enum ProvisionKind { PROVIDED, REFUSED }

  /** Our answer to a request from another agency: the content, or a refusal without any content. */
  record ProvisionAnswer(String networkRequestId, ProvisionKind kind, String content) {}

  @Outbound(system = "intermediate-server", awaitsAnswer = false)
  void sendProvisionAnswer(ProvisionAnswer answer);

  /** Registers (or replaces) the 副本 that others may query, under the person's 符号. */
  record FukuhonUpdate(String requestId, String networkCode, InformationItem item, String content) {}

  @Outbound(system = "intermediate-server", awaitsAnswer = false)
  void registerFukuhon(FukuhonUpdate update);

  class IntermediateServerUnavailableException extends RuntimeException {
    IntermediateServerUnavailableException(String message) {
      super(message);
    }
  }
}
