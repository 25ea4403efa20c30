package jp.lg.immunization.vrs;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends a submission's lines to VRS and marks them registered. The call and the marking stand or fall together: when
 * VRS fails, nothing is marked and the engine retries; a second run finds nothing left to send.
 */
@Component("sendDosesToVrs")
class SendDosesToVrs implements JavaDelegate {

  private final VrsRegistrations registrations;
  private final VrsPort vrs;

  SendDosesToVrs(VrsRegistrations registrations, VrsPort vrs) {
    this.registrations = registrations;
    this.vrs = vrs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long submission = Long.parseLong(execution.getProcessBusinessKey());
    List<VrsPort.DoseLine> lines = registrations.pendingLines(submission);
    if (!lines.isEmpty()) {
      vrs.registerDoses(new VrsPort.DoseSubmission("vrs-doses-" + submission, lines));
    }
    registrations.sent(submission);
  }
}
