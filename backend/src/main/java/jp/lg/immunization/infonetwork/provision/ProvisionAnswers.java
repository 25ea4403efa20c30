package jp.lg.immunization.infonetwork.provision;

import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.infonetwork.ProvisionRecords;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import org.springframework.stereotype.Component;

/**
 * Sends the one answer a provision request gets (provided or refused) through the 中間サーバー and notes it in the
 * 情報提供等記録 (R25). A request already answered is left alone, so a job run twice answers once.
 */
@Component
class ProvisionAnswers {

  private final IntermediateServerPort network;
  private final ProvisionRecords records;
  private final Clock clock;

  ProvisionAnswers(IntermediateServerPort network, ProvisionRecords records, Clock clock) {
    this.network = network;
    this.records = records;
    this.clock = clock;
  }

  void send(ProvisionRequest request, IntermediateServerPort.ProvisionKind kind, String content,
            ProvisionRequest.Status outcome) {
    if (request.answeredAt() != null) {
      return;
    }
    network.sendProvisionAnswer(new IntermediateServerPort.ProvisionAnswer(request.networkRequestId(), kind, content));
    Instant now = Instant.now(clock);
    request.answered(now);
    request.status(outcome);
    records.provisionAnswered(request.id(), request.approvedBy(), now, outcome.name());
  }
}
