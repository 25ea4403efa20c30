package jp.lg.immunization.vaccination;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.PgCopy;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers an approved batch: every accepted line becomes a dose record in this one transaction, or none does.
 * The lines are checked again first, because doses registered since the review (at the counter, or by another
 * batch) may now make a line a duplicate; such lines go back to review. A second run registers nothing twice. The
 * steps reached next (review again, or the end as registered) set the batch's status.
 */
@Component("registerDoseBatch")
class RegisterDoseBatch implements JavaDelegate {

  static final String NO_LONGER_VALID = "BatchNoLongerValid";
  private static final List<String> DOSE_COLUMNS = doseColumns();

  private final JdbcTemplate jdbc;
  private final DoseJson json;
  private final DoseStore store;
  private final DoseChecks checks;
  private final PgCopy copy;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegisterDoseBatch(JdbcTemplate jdbc, DoseJson json, DoseStore store, DoseChecks checks,
                    PgCopy copy, AuditTrail audit, ApplicationEventPublisher events,
                    Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.store = store;
    this.checks = checks;
    this.copy = copy;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    Map<String, Object> batch = jdbc.queryForMap(
        "select registered_at, uploaded_by, approved_by from dose_batch where id = ? for update", id);
    if (batch.get("registered_at") != null) {
      return;
    }
    if (batch.get("approved_by") == null) {
      throw new IllegalStateException("A dose batch is registered only after a second staff member approved it");
    }
    List<DoseBatchCheck.Pending> lines = jdbc.query("""
        select line, items::text, warnings_confirmed from dose_batch_row
        where batch_id = ? and status = 'ACCEPTED' order by line""", (rs, n) -> new DoseBatchCheck.Pending(
        rs.getInt(1), DoseInput.fromKeys(json.items(rs.getString(2))), true, rs.getBoolean(3)), id);
    DoseBatchCheck check = checks.batch();
    List<List<Object>> doses = new ArrayList<>(lines.size());
    List<DoseBatchCheck.Result> noLongerValid = new ArrayList<>();
    for (int from = 0; from < lines.size(); from += ValidateDoseBatch.CHUNK) {
      for (DoseBatchCheck.Result result : check.check(lines.subList(from,
          Math.min(from + ValidateDoseBatch.CHUNK, lines.size())))) {
        if (result.accepted()) {
          doses.add(dose(id, result, (String) batch.get("uploaded_by")));
        } else {
          noLongerValid.add(result);
        }
      }
    }
    if (!noLongerValid.isEmpty()) {
      sendBack(id, noLongerValid);
      throw new BpmnError(NO_LONGER_VALID, noLongerValid.size() + " lines are no longer valid");
    }
    long registered = copy.copy("dose_record", DOSE_COLUMNS, doses);
    jdbc.update("""
        update dose_batch set registered_at = ?, closed_at = ?, content = null where id = ?""",
        Timestamp.from(Instant.now(clock)), Timestamp.from(Instant.now(clock)), id);
    audit.record(AuditOperation.DOSE_BATCH_REGISTER, null, "batch " + id + " registered " + registered
        + " doses, approved by " + batch.get("approved_by"));
    events.publishEvent(new DoseRecordsChanged(doses.stream().map(dose -> (Long) dose.get(0))
        .collect(Collectors.toSet()), (String) batch.get("approved_by"), "一括登録 #" + id + " による接種記録の登録"));
  }

  private void sendBack(long id, List<DoseBatchCheck.Result> results) {
    for (DoseBatchCheck.Result result : results) {
      jdbc.update("update dose_batch_row set status = 'REJECTED', problems = ?::jsonb where batch_id = ? and line = ?",
          json.write(result.problems()), id, result.pending().line());
    }
    jdbc.update("update dose_batch set approved_by = null, approved_at = null where id = ?", id);
  }

  private static List<Object> dose(long batchId, DoseBatchCheck.Result result, String uploadedBy) {
    DoseValidation.Checked checked = result.checked();
    List<Object> row = new ArrayList<>();
    row.add(checked.residentId());
    DoseStore.COLUMNS.forEach(item -> row.add(DoseStore.sqlValue(checked.values().get(item))));
    row.addAll(Arrays.asList("BATCH", uploadedBy, batchId, result.pending().line(), checked.errorCodes(),
        checked.errorMessages()));
    return row;
  }

  private static List<String> doseColumns() {
    List<String> columns = new ArrayList<>();
    columns.add("resident_id");
    DoseStore.COLUMNS.forEach(item -> columns.add(item.column()));
    columns.addAll(List.of("source", "registered_by", "batch_id", "batch_line", "error_code", "error_message"));
    return columns;
  }
}
