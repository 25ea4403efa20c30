package jp.lg.immunization.relief;

import java.util.List;
import jp.lg.immunization.platform.Outbound;

/**
 * The way to the Ministry of Health, Labour and Welfare (厚生労働省) through the prefecture (都道府県): the claim file
 * with the investigation committee's opinion goes out; the Minister's decision (認定 / 否認) arrives much later through
 * {@link MinistryDecisions#accept}. Sending the same request id again must be harmless: the job may run twice.
 */
interface ReliefMinistryPort {

  /** Codes only: the file itself (medical records, the committee's minutes) goes on paper through the prefecture. */
  record ForwardedClaim(String requestId, long claimId, String vaccinationClass, String committeeOpinion,
                        List<String> benefits) {}

  /** Awaits no answer by this way: the decision comes months later, and staff are reminded to chase it. */
  @Outbound(system = "ministry", awaitsAnswer = false)
  void forward(ForwardedClaim claim);

  class MinistryUnavailableException extends RuntimeException {
    MinistryUnavailableException(String message) {
      super(message);
    }
  }
}
