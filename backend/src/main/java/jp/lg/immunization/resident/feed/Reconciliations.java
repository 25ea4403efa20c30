package jp.lg.immunization.resident.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ItemGroup;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;
import jp.lg.immunization.resident.feed.RegisterStore.Provenance;
import jp.lg.immunization.resident.feed.RegisterStore.RegisterChange;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The differences a full extract showed (ResidentReconciliation), each applied or explained by staff, never
 * overwritten silently. Applying a MISSING or CHANGED one takes the extract's items as of its 異動日 through the
 * register's usual path (recorded with the extract as its source); applying an EXTRA one records the resident as no
 * longer registered (職権消除) as of the extract's latest 異動日.
 */
@Component
class Reconciliations implements CaseContextProvider {

  record Difference(int seq, String kind, String addresseeNumber, Integer line, List<String> changedItems,
                    Map<String, String> extract, String resolution, String note, String resolvedBy,
                    Instant resolvedAt) {}

  private static final Map<String, ItemGroup> GROUP_OF = Map.ofEntries(
      Map.entry("status", ItemGroup.STATUS), Map.entry("birthDate", ItemGroup.IDENTITY),
      Map.entry("sex", ItemGroup.IDENTITY), Map.entry("familyNameKanji", ItemGroup.NAME),
      Map.entry("givenNameKanji", ItemGroup.NAME), Map.entry("familyNameKana", ItemGroup.NAME),
      Map.entry("givenNameKana", ItemGroup.NAME), Map.entry("postalCode", ItemGroup.ADDRESS),
      Map.entry("address", ItemGroup.ADDRESS), Map.entry("householdNumber", ItemGroup.HOUSEHOLD),
      Map.entry("relationship", ItemGroup.HOUSEHOLD), Map.entry("residentCode", ItemGroup.RESIDENT_CODE),
      Map.entry("integratedAddresseeNumber", ItemGroup.INTEGRATED_ADDRESSEE),
      Map.entry("myNumber", ItemGroup.MY_NUMBER));

  private final ResidentFeeds feeds;
  private final JdbcTemplate jdbc;
  private final FeedJson json;
  private final RegisterStore register;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Reconciliations(ResidentFeeds feeds, JdbcTemplate jdbc, FeedJson json, RegisterStore register,
                  CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.feeds = feeds;
    this.jdbc = jdbc;
    this.json = json;
    this.register = register;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String processKey() {
    return ResidentFeeds.RECONCILIATION_KEY;
  }

  @Override
  public CaseContext describe(String businessKey) {
    return feeds.describe(businessKey);
  }

  /** Every difference shown names a resident: listing them is an audited access of the extract. */
  @Transactional
  List<Difference> differences(long fileId) {
    List<Difference> differences = jdbc.query("""
        select d.seq, d.kind, d.addressee_number, d.line, d.changed_items, l.items::text, d.resolution, d.note,
               d.resolved_by, d.resolved_at
        from reconciliation_difference d left join resident_feed_line l on l.file_id = d.file_id and l.line = d.line
        where d.file_id = ? order by d.seq""", (rs, n) -> new Difference(rs.getInt(1), rs.getString(2),
        rs.getString(3), (Integer) rs.getObject(4), Arrays.asList((String[]) rs.getArray(5).getArray()),
        rs.getString(6) == null ? Map.of() : json.items(rs.getString(6)), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()), fileId);
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "viewed differences of extract " + fileId + " count "
        + differences.size());
    return differences;
  }

  @Transactional
  void apply(long fileId, int seq) {
    Map<String, Object> difference = open(fileId, seq);
    Map<String, Object> file = jdbc.queryForMap("select source_system from resident_feed_file where id = ?", fileId);
    String sourceSystem = (String) file.get("source_system");
    String user = currentUser.get().username();
    String number = (String) difference.get("addressee_number");
    Provenance provenance = new Provenance("RESIDENT_REGISTER_FEED", sourceSystem, fileId,
        (Integer) difference.get("line"), null, user, "照合による反映");
    if ("EXTRA".equals(difference.get("kind"))) {
      LocalDate asOf = jdbc.queryForObject("""
          select max((items->>'movedOn')::date) from resident_feed_line where file_id = ? and status = 'ACCEPTED'""",
          LocalDate.class, fileId);
      register.apply(new RegisterChange(number, Change.REMOVED_EX_OFFICIO, false, EnumSet.of(ItemGroup.STATUS),
          "MOVED_OUT", asOf == null ? LocalDate.now(clock) : asOf, null, Map.of(), null, provenance));
    } else {
      Map<String, Object> line = jdbc.queryForMap("""
          select items::text items, my_number_cipher from resident_feed_line where file_id = ? and line = ?""",
          fileId, difference.get("line"));
      Map<String, String> items = json.items((String) line.get("items"));
      Set<ItemGroup> groups = EnumSet.noneOf(ItemGroup.class);
      if ("MISSING".equals(difference.get("kind"))) {
        groups.addAll(FeedEvent.FULL.groups());
      } else {
        try {
          Arrays.stream((String[]) ((java.sql.Array) difference.get("changed_items")).getArray()).map(GROUP_OF::get)
              .forEach(groups::add);
        } catch (java.sql.SQLException unreadable) {
          throw new IllegalStateException(unreadable);
        }
      }
      byte[] sealed = (byte[]) line.get("my_number_cipher");
      register.apply(new RegisterChange(number, Change.REGISTERED_FROM_EXTRACT, true, groups, "REGISTERED",
          LocalDate.parse(items.get(FeedItem.MOVED_ON.key())), null, items,
          sealed == null ? null : register.unseal(sealed), provenance));
    }
    resolve(fileId, seq, "APPLIED", null, user);
  }

  @Transactional
  void explain(long fileId, int seq, String note) {
    if (note == null || note.isBlank()) {
      throw ApiException.invalid("理由を入力してください", Map.of("note", "理由を入力してください"));
    }
    open(fileId, seq);
    resolve(fileId, seq, "EXPLAINED", note.strip(), currentUser.get().username());
  }

  void requireAllResolved(long fileId) {
    int open = jdbc.queryForObject(
        "select count(*) from reconciliation_difference where file_id = ? and resolution is null", Integer.class,
        fileId);
    if (open > 0) {
      throw ApiException.badRequest("differences_open", "未処理の差異が" + open + "件残っています。反映するか理由を記録してから完了してください");
    }
  }

  private Map<String, Object> open(long fileId, int seq) {
    Map<String, Object> difference = jdbc.queryForList("""
        select d.*, f.status from reconciliation_difference d join resident_feed_file f on f.id = d.file_id
        where d.file_id = ? and d.seq = ? for update of d""", fileId, seq).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("差異が見つかりません"));
    if (!"RESOLVING".equals(difference.get("status"))) {
      throw ApiException.conflict("not_resolving", "この照合は差異の処理中ではありません");
    }
    if (difference.get("resolution") != null) {
      throw ApiException.conflict("already_resolved", "この差異はすでに処理されています");
    }
    return difference;
  }

  private void resolve(long fileId, int seq, String resolution, String note, String user) {
    jdbc.update("""
        update reconciliation_difference set resolution = ?, note = ?, resolved_by = ?, resolved_at = ?
        where file_id = ? and seq = ?""", resolution, note, user, Timestamp.from(Instant.now(clock)), fileId, seq);
    audit.record(AuditOperation.RESIDENT_FEED_FILE, null, "difference " + seq + " of extract " + fileId + " "
        + resolution);
  }
}
