package jp.lg.immunization.resident.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.resident.ItemGroup;
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
  private static final int CHUNK = 5_000;
  /** Numbers unique across residents: a change setting one may depend on another resident's change before it. */
  private static final Set<ItemGroup> UNIQUE = EnumSet.of(ItemGroup.MY_NUMBER, ItemGroup.RESIDENT_CODE,
      ItemGroup.INTEGRATED_ADDRESSEE);

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

  private RegisterChange change(long fileId, String sourceSystem, String receivedBy, int line,
                                Map<String, String> items, byte[] sealed) {
    FeedEvent event = FeedEvent.byLabel(items.get(FeedItem.EVENT.key())).orElseThrow();
    String notified = items.get(FeedItem.NOTIFIED_ON.key());
    return new RegisterChange(items.get(FeedItem.ADDRESSEE_NUMBER.key()), event.change(), event.creates(),
        event.groups(), event.status(), LocalDate.parse(items.get(FeedItem.MOVED_ON.key())),
        notified == null ? null : LocalDate.parse(notified), items, sealed == null ? null : register.unseal(sealed),
        new Provenance("RESIDENT_REGISTER_FEED", sourceSystem, fileId, line,
            items.get(FeedItem.EVENT_SERIAL.key()), receivedBy, null));
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
    String receivedBy = (String) file.get("received_by");
    List<Integer> order = jdbc.queryForList("""
        select line from resident_feed_line where file_id = ? and status = 'ACCEPTED'
        order by items->>'movedOn', items->>'notifiedOn' nulls first, line""", Integer.class, id);
    Set<String> concernedSeveralTimes = new HashSet<>(jdbc.queryForList("""
        select items->>'addresseeNumber' from resident_feed_line where file_id = ? and status = 'ACCEPTED'
        group by 1 having count(*) > 1""", String.class, id));
    int[] counts = new int[3];
    List<RegisterChange> creations = new ArrayList<>();
    List<RegisterChange> updates = new ArrayList<>();
    for (int from = 0; from < order.size(); from += CHUNK) {
      List<Integer> chunk = order.subList(from, Math.min(order.size(), from + CHUNK));
      Map<Integer, RegisterChange> changes = new HashMap<>();
      jdbc.query("""
          select line, items::text, my_number_cipher from resident_feed_line where file_id = ? and line = any(?)""",
          rs -> {
            changes.put(rs.getInt(1), change(id, sourceSystem, receivedBy, rs.getInt(1),
                json.items(rs.getString(2)), rs.getBytes(3)));
          }, id, chunk.toArray(Integer[]::new));
      Set<String> repeated = register.alreadyApplied(sourceSystem,
          changes.values().stream().map(change -> change.provenance().eventSerial()).toList());
      Map<String, RegisterStore.Known> known = register.byAddresseeNumbers(
          changes.values().stream().map(RegisterChange::addresseeNumber).toList());
      for (int line : chunk) {
        RegisterChange change = changes.get(line);
        String addressee = change.addresseeNumber();
        if (repeated.contains(change.provenance().eventSerial())) {
          counts[1]++;
        } else if (change.creates() && !known.containsKey(addressee) && !concernedSeveralTimes.contains(addressee)) {
          // Nothing else in the file concerns this new resident, so the order of application cannot matter.
          creations.add(change);
          counts[0]++;
        } else if (known.containsKey(addressee) && !concernedSeveralTimes.contains(addressee)
            && change.groups().stream().noneMatch(UNIQUE::contains)) {
          // The only 異動 of this file for a resident the register holds: no other line can come between.
          updates.add(change);
        } else {
          counts[register.apply(change).applied() ? 0 : 2]++;
        }
      }
      if (creations.size() >= CHUNK) {
        register.createAll(creations);
        creations.clear();
      }
      register.applyAll(updates).forEach(outcome -> counts[outcome.applied() ? 0 : 2]++);
      updates.clear();
    }
    register.createAll(creations);
    jdbc.update("""
        update resident_feed_file set applied_at = ?, applied_lines = ?, repeated_lines = ?, superseded_lines = ?
        where id = ?""", Timestamp.from(Instant.now(clock)), counts[0], counts[1], counts[2], id);
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "applied file " + id + " from " + sourceSystem + " applied "
        + counts[0] + " repeated " + counts[1] + " superseded " + counts[2]);
  }
}
