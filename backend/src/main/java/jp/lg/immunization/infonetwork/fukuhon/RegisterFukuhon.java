package jp.lg.immunization.infonetwork.fukuhon;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.infonetwork.network.NetworkCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers an approved 副本 or correction through the 中間サーバー and in the city's copy, keeping the before and after
 * of every change (R21, R22). Both 副本 processes end with it. A case already registered is left alone.
 */
@Component("registerFukuhon")
class RegisterFukuhon implements JavaDelegate {

  private final FukuhonCases cases;
  private final NetworkCodes codes;
  private final IntermediateServerPort network;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RegisterFukuhon(FukuhonCases cases, NetworkCodes codes, IntermediateServerPort network, JdbcTemplate jdbc,
                  Clock clock) {
    this.cases = cases;
    this.codes = codes;
    this.network = network;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FukuhonCase found = cases.byBusinessKey(execution.getProcessBusinessKey());
    if (found.approvedBy() == null) {
      throw new IllegalStateException("A 副本 change needs a supervisor's approval before it is made (R21, R22)");
    }
    if (found.registeredAt() != null) {
      return;
    }
    network.registerFukuhon(new IntermediateServerPort.FukuhonUpdate("FH-" + found.id(),
        codes.codeFor(found.residentId()), found.informationItem(), found.proposedContent()));
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.update("""
        insert into fukuhon (resident_id, information_item, content, registered_at, registered_by)
        values (?, ?, ?::jsonb, ?, ?)
        on conflict (resident_id, information_item) do update
          set content = excluded.content, registered_at = excluded.registered_at, registered_by = excluded.registered_by""",
        found.residentId(), found.informationItem().name(), found.proposedContent(), now, found.approvedBy());
    jdbc.update("""
        insert into fukuhon_revision (resident_id, information_item, case_id, before_content, after_content, approved_by,
                                      changed_at)
        values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""",
        found.residentId(), found.informationItem().name(), found.id(), found.previousContent(),
        found.proposedContent(), found.approvedBy(), now);
    found.registered(now.toInstant());
  }
}
