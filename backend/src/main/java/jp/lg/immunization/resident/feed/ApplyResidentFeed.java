package jp.lg.immunization.resident.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.feed.RegisterStore.Provenance;
import jp.lg.immunization.resident.feed.RegisterStore.RegisterChange;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies a checked file to the register in the job's one transaction: every line or none. Lines go in 異動日 order
 * (then 届出日, then line); a 異動連番 the source system delivered before is skipped, and a 異動 older than what
 * already set the same items is recorded but changes nothing, so files may arrive twice or out of order. Files are
 * applied one at a time (an advisory lock), so that two jobs never interleave their 異動.
 */
@Component("applyResidentFeed")
class ApplyResidentFeed implements JavaDelegate {

  private static final long APPLY_LOCK = 0x7265736964656e74L;

  private final JdbcTemplate jdbc;
  private final FeedJson json;
  private final RegisterStore register;
  private final AuditTrail audit;
  private final Clock clock;

  ApplyResidentFeed(JdbcTemplate jdbc, FeedJson json, RegisterStore register, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.register = register;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, APPLY_LOCK);
    Map<String, Object> file = jdbc.queryForMap(
        "select source_system, received_by, applied_at from resident_feed_file where id = ? for update", id);
    if (file.get("applied_at") != null) {
      return;
    }
    String sourceSystem = (String) file.get("source_system");
    int[] counts = new int[3];
    jdbc.query("""
        select line, items::text, my_number_cipher from resident_feed_line where file_id = ? and status = 'ACCEPTED'
        order by items->>'movedOn', items->>'notifiedOn' nulls first, line""", rs -> {
      int line = rs.getInt(1);
      Map<String, String> items = json.items(rs.getString(2));
      String serial = items.get(FeedItem.EVENT_SERIAL.key());
      if (register.alreadyApplied(sourceSystem, serial)) {
        counts[1]++;
        return;
      }
      FeedEvent event = FeedEvent.byLabel(items.get(FeedItem.EVENT.key())).orElseThrow();
      byte[] sealed = rs.getBytes(3);
      String notified = items.get(FeedItem.NOTIFIED_ON.key());
      RegisterStore.Outcome outcome = register.apply(new RegisterChange(items.get(FeedItem.ADDRESSEE_NUMBER.key()),
          event.change(), event.creates(), event.groups(), event.status(),
          LocalDate.parse(items.get(FeedItem.MOVED_ON.key())), notified == null ? null : LocalDate.parse(notified),
          items, sealed == null ? null : register.unseal(sealed),
          new Provenance("RESIDENT_REGISTER_FEED", sourceSystem, id, line, serial, (String) file.get("received_by"),
              null)));
      counts[outcome.applied() ? 0 : 2]++;
    }, id);
    jdbc.update("""
        update resident_feed_file set applied_at = ?, applied_lines = ?, repeated_lines = ?, superseded_lines = ?
        where id = ?""", Timestamp.from(Instant.now(clock)), counts[0], counts[1], counts[2], id);
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "applied file " + id + " from " + sourceSystem + " applied "
        + counts[0] + " repeated " + counts[1] + " superseded " + counts[2]);
  }
}
