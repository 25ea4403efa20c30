package jp.lg.immunization.resident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.PgCopy;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;
import jp.lg.immunization.resident.feed.FeedJson;
import jp.lg.immunization.resident.feed.RegisterStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies one 異動 to the resident table and keeps it in resident_change with its provenance (R01, R05): the items
 * before and after (個人番号 masked) and the 異動日 that now dates each group of items. A group is set only by a 異動
 * at least as recent as the one that set it, so a file that arrives late changes only what is still older.
 */
@Component
class FeedRegister implements RegisterStore {

  private static final Map<ItemGroup, List<String>> GROUP_ITEMS = new EnumMap<>(Map.of(
      ItemGroup.STATUS, List.of(),
      ItemGroup.IDENTITY, List.of("birthDate", "sex"),
      ItemGroup.NAME, List.of("familyNameKanji", "givenNameKanji", "familyNameKana", "givenNameKana"),
      ItemGroup.ADDRESS, List.of("postalCode", "address", "phone"),
      ItemGroup.HOUSEHOLD, List.of("householdNumber", "relationship", "householdHeadName"),
      ItemGroup.RESIDENT_CODE, List.of("residentCode"),
      ItemGroup.MY_NUMBER, List.of(),
      ItemGroup.INTEGRATED_ADDRESSEE, List.of("integratedAddresseeNumber")));
  /** The item that must be in a 異動 for it to set the group at all. */
  private static final Map<ItemGroup, String> GROUP_KEY_ITEM = new EnumMap<>(Map.of(
      ItemGroup.IDENTITY, "birthDate", ItemGroup.NAME, "familyNameKanji", ItemGroup.ADDRESS, "address",
      ItemGroup.HOUSEHOLD, "householdNumber", ItemGroup.RESIDENT_CODE, "residentCode",
      ItemGroup.INTEGRATED_ADDRESSEE, "integratedAddresseeNumber"));
  private static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("birthDate", "birth_date"), Map.entry("sex", "sex"),
      Map.entry("familyNameKanji", "family_name_kanji"), Map.entry("givenNameKanji", "given_name_kanji"),
      Map.entry("familyNameKana", "family_name_kana"), Map.entry("givenNameKana", "given_name_kana"),
      Map.entry("postalCode", "postal_code"), Map.entry("address", "address"), Map.entry("phone", "phone"),
      Map.entry("householdNumber", "household_number"), Map.entry("relationship", "relationship"),
      Map.entry("householdHeadName", "household_head_name"), Map.entry("residentCode", "resident_code"),
      Map.entry("integratedAddresseeNumber", "integrated_addressee_number"));
  private static final String FEED = "RESIDENT_REGISTER_FEED";
  /** The columns a 異動 may set, with the id: applyAll reads them, sets some and writes the rows back whole. */
  private static final List<String> UPDATED_COLUMNS = List.of("id", "status", "status_since", "source",
      "source_system", "family_name_kanji", "given_name_kanji", "family_name_kana", "given_name_kana", "birth_date",
      "sex", "postal_code", "address", "phone", "household_number", "relationship", "household_head_name",
      "resident_code", "integrated_addressee_number", "my_number_cipher", "my_number_hash", "search_text",
      "item_dates");
  private static final List<String> CREATION_COLUMNS = List.of("seq", "addressee_number", "my_number_cipher",
      "my_number_hash", "family_name_kanji", "given_name_kanji", "family_name_kana", "given_name_kana", "birth_date",
      "sex", "postal_code", "address", "phone", "household_number", "relationship", "household_head_name", "status",
      "moved_on", "source", "source_system", "resident_code", "integrated_addressee_number", "item_dates",
      "search_text", "kind", "feed_file_id", "feed_line", "event_serial", "notified_on", "after_items", "reason",
      "recorded_by");

  private final JdbcTemplate jdbc;
  private final MyNumberProtector protector;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final FeedJson json;
  private final Clock clock;
  private final PgCopy copy;

  FeedRegister(JdbcTemplate jdbc, MyNumberProtector protector, AuditTrail audit, ApplicationEventPublisher events,
               FeedJson json, Clock clock, PgCopy copy) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.copy = copy;
  }

  @Override
  public Map<String, Known> byAddresseeNumbers(Collection<String> addresseeNumbers) {
    Map<String, Known> known = new HashMap<>();
    jdbc.query("select id, addressee_number, status from resident where addressee_number = any(?)", rs -> {
      known.put(rs.getString(2), new Known(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }, (Object) addresseeNumbers.toArray(String[]::new));
    return known;
  }

  @Override
  public Map<MyNumber, String> holdersOfMyNumbers(Collection<MyNumber> numbers) {
    Map<String, MyNumber> byHash = new HashMap<>();
    numbers.forEach(number -> byHash.put(hex(protector.lookupHash(number)), number));
    Map<MyNumber, String> holders = new HashMap<>();
    jdbc.query("select my_number_hash, addressee_number from resident where my_number_hash = any(?)", rs -> {
      holders.put(byHash.get(hex(rs.getBytes(1))), rs.getString(2));
    }, (Object) numbers.stream().map(protector::lookupHash).toArray(byte[][]::new));
    return holders;
  }

  @Override
  public Map<String, String> holdersOfIntegratedNumbers(Collection<String> integratedNumbers) {
    Map<String, String> holders = new HashMap<>();
    jdbc.query("""
        select integrated_addressee_number, addressee_number from resident
        where integrated_addressee_number = any(?)""",
        rs -> { holders.put(rs.getString(1), rs.getString(2)); }, (Object) integratedNumbers.toArray(String[]::new));
    return holders;
  }

  @Override
  public Map<String, Map<String, String>> items(Collection<String> addresseeNumbers) {
    Map<String, Map<String, String>> held = new HashMap<>();
    jdbc.query("select status, "
        + String.join(", ", COLUMNS.values()).replace("birth_date", "birth_date::text birth_date")
        + ", addressee_number from resident where addressee_number = any(?)", rs -> {
      Map<String, String> items = new HashMap<>();
      items.put("status", rs.getString("status"));
      for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
        items.put(column.getKey(), rs.getString(column.getValue()));
      }
      held.put(rs.getString("addressee_number"), items);
    }, (Object) addresseeNumbers.toArray(String[]::new));
    return held;
  }

  @Override
  public Set<String> registered(String sourceSystem) {
    return new java.util.HashSet<>(jdbc.queryForList(
        "select addressee_number from resident where status = 'REGISTERED' and source_system = ?", String.class,
        sourceSystem));
  }

  @Override
  public byte[] seal(MyNumber number) {
    return protector.encrypt(number);
  }

  @Override
  public MyNumber unseal(byte[] sealed) {
    return protector.decrypt(sealed);
  }

  @Override
  public Set<String> alreadyApplied(String sourceSystem, Collection<String> eventSerials) {
    return new HashSet<>(jdbc.queryForList(
        "select event_serial from resident_change where source_system = ? and event_serial = any(?)", String.class,
        sourceSystem, eventSerials.toArray(String[]::new)));
  }

  @Override
  public Outcome apply(RegisterChange change) {
    List<Outcome> outcomes = applyAll(List.of(change));
    return outcomes.isEmpty() ? new Outcome(create(List.of(change)).get(0), true) : outcomes.get(0);
  }

  @Override
  public List<Outcome> applyAll(List<RegisterChange> changes) {
    Map<String, Map<String, Object>> held = new HashMap<>();
    // In id order, so that two transactions locking overlapping residents wait for each other instead of deadlocking.
    jdbc.queryForList("select addressee_number, " + String.join(", ", UPDATED_COLUMNS).replace("status_since",
        "status_since::text status_since").replace("birth_date", "birth_date::text birth_date").replace("item_dates",
        "item_dates::text item_dates") + " from resident where addressee_number = any(?) order by id for update",
        (Object) changes.stream().map(RegisterChange::addresseeNumber).toArray(String[]::new))
        .forEach(row -> held.put((String) row.remove("addressee_number"), row));
    if (held.isEmpty()) {
      return List.of();
    }
    if (held.size() != changes.size()) {
      throw new IllegalStateException("applyAll takes changes to distinct residents the register holds");
    }
    Instant now = Instant.now(clock);
    List<Update> updates = changes.stream().map(change -> update(change, held.get(change.addresseeNumber())))
        .toList();
    List<List<String>> rows = updates.stream().filter(Update::applied)
        .map(update -> UPDATED_COLUMNS.stream().map(column -> copyValue(update.row().get(column))).toList()).toList();
    if (!rows.isEmpty()) {
      // Every row as it will be, copied in and set in one statement: 10,000 異動 are one update, not 10,000.
      jdbc.execute("create temp table if not exists resident_update on commit drop as select "
          + String.join(", ", UPDATED_COLUMNS) + " from resident with no data");
      copy.copy("resident_update", UPDATED_COLUMNS, rows);
      jdbc.update("update resident r set " + UPDATED_COLUMNS.stream().filter(column -> !"id".equals(column))
          .map(column -> column + " = u." + column).collect(Collectors.joining(", "))
          + ", updated_at = ?, version = r.version + 1 from resident_update u where r.id = u.id", Timestamp.from(now));
      jdbc.update("delete from resident_update");
    }
    copy.copy("resident_change", RECORD_COLUMNS, updates.stream().map(update -> record(update, now)).toList());
    List<Outcome> outcomes = new ArrayList<>(updates.size());
    for (Update update : updates) {
      if (update.applied()) {
        applied(update.residentId(), update.change(), update.changed());
      }
      outcomes.add(new Outcome(update.residentId(), update.applied()));
    }
    return outcomes;
  }

  private static String copyValue(Object value) {
    return value == null ? null : value instanceof byte[] bytes ? "\\x" + hex(bytes) : value.toString();
  }

  @Override
  public void createAll(List<RegisterChange> creations) {
    create(creations);
  }

  private void applied(long residentId, RegisterChange change, Set<ItemGroup> changed) {
    audit.record(AuditOperation.RESIDENT_REGISTER_CHANGE, residentId, describe(change));
    events.publishEvent(new ResidentRegisterChanged(residentId, change.change(), change.movedOn(), changed));
  }

  /**
   * New residents and their resident_change rows, set-based: the rows are copied into a staging table and inserted
   * from it in one statement, which is what makes a first load of the whole register take seconds, not minutes.
   *
   * @return the new residents' ids, in the order of the changes
   */
  private List<Long> create(List<RegisterChange> creations) {
    if (creations.isEmpty()) {
      return List.of();
    }
    Instant now = Instant.now(clock);
    List<List<Object>> rows = new ArrayList<>(creations.size());
    for (int seq = 0; seq < creations.size(); seq++) {
      RegisterChange change = creations.get(seq);
      if (!change.creates()) {
        throw new IllegalStateException("a change for a resident not in the register passed the feed's checks");
      }
      Map<String, String> items = change.items();
      PersonName name = new PersonName(items.get("familyNameKanji"), items.get("givenNameKanji"),
          items.get("familyNameKana"), items.get("givenNameKana"));
      Map<String, String> dates = new LinkedHashMap<>();
      for (ItemGroup group : ItemGroup.values()) {
        if (present(change, group)) {
          dates.put(group.name(), change.movedOn().toString());
        }
      }
      Map<String, String> after = new LinkedHashMap<>();
      COLUMNS.keySet().stream().sorted().filter(items::containsKey).forEach(key -> after.put(key, items.get(key)));
      after.put("status", change.status());
      MyNumber myNumber = change.myNumber();
      if (myNumber != null) {
        after.put("myNumber", myNumber.masked());
      }
      Provenance from = change.provenance();
      rows.add(Arrays.asList(seq, change.addresseeNumber(),
          myNumber == null ? null : "\\x" + hex(protector.encrypt(myNumber)),
          myNumber == null ? null : "\\x" + hex(protector.lookupHash(myNumber)), name.familyKanji(),
          name.givenKanji(), name.familyKana(), name.givenKana(), items.get("birthDate"), items.get("sex"),
          items.get("postalCode"), items.get("address"), items.get("phone"), items.get("householdNumber"),
          items.get("relationship"), items.get("householdHeadName"), change.status(), change.movedOn(),
          from.source(), from.sourceSystem(), items.get("residentCode"), items.get("integratedAddresseeNumber"),
          json.write(dates), Resident.searchTextOf(name), change.change().name(), from.feedFileId(), from.feedLine(),
          from.eventSerial(), change.notifiedOn(), json.write(after), from.reason(), from.recordedBy()));
    }
    jdbc.execute("""
        create temp table if not exists resident_creation (
          seq int, addressee_number varchar(10), my_number_cipher bytea, my_number_hash bytea,
          family_name_kanji text, given_name_kanji text, family_name_kana text, given_name_kana text,
          birth_date date, sex text, postal_code text, address text, phone text, household_number text,
          relationship text, household_head_name text, status text, moved_on date, source text, source_system text,
          resident_code text, integrated_addressee_number text, item_dates jsonb, search_text text, kind text,
          feed_file_id bigint, feed_line int, event_serial text, notified_on date, after_items jsonb, reason text,
          recorded_by text) on commit drop""");
    copy.copy("resident_creation", CREATION_COLUMNS, rows);
    Timestamp at = Timestamp.from(now);
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("""
        with created as (
          insert into resident (addressee_number, my_number_cipher, my_number_hash, family_name_kanji,
                                given_name_kanji, family_name_kana, given_name_kana, birth_date, sex, postal_code,
                                address, phone, household_number, relationship, household_head_name, status,
                                status_since, source, source_system, resident_code, integrated_addressee_number,
                                item_dates, search_text, created_at, updated_at)
          select addressee_number, my_number_cipher, my_number_hash, family_name_kanji, given_name_kanji,
                 family_name_kana, given_name_kana, birth_date, sex, postal_code, address, phone, household_number,
                 relationship, household_head_name, status, moved_on, source, source_system, resident_code,
                 coalesce(integrated_addressee_number, next_integrated_addressee_number()), item_dates, search_text,
                 ?, ?
          from resident_creation order by seq
          returning id, addressee_number),
        changes as (
          insert into resident_change (resident_id, kind, source, source_system, feed_file_id, feed_line,
                                       event_serial, moved_on, notified_on, outcome, before_items, after_items,
                                       reason, recorded_by, recorded_at)
          select r.id, c.kind, c.source, c.source_system, c.feed_file_id, c.feed_line, c.event_serial, c.moved_on,
                 c.notified_on, 'APPLIED', '{}'::jsonb, c.after_items, c.reason, c.recorded_by, ?
          from created r join resident_creation c using (addressee_number))
        select id, addressee_number from created""", rs -> {
      ids.put(rs.getString(2), rs.getLong(1));
    }, at, at, at);
    jdbc.update("delete from resident_creation");
    List<Long> created = new ArrayList<>(creations.size());
    for (RegisterChange change : creations) {
      long id = ids.get(change.addresseeNumber());
      created.add(id);
      applied(id, change, Set.of());
    }
    return created;
  }

  /**
   * One resident's row after a 異動, by column (null when a later 異動 had already set every group it would), and the
   * items before and after for resident_change.
   */
  private record Update(long residentId, RegisterChange change, Map<String, Object> row, Map<String, String> before,
                        Map<String, String> after, Set<ItemGroup> changed) {

    boolean applied() {
      return row != null;
    }
  }

  private Update update(RegisterChange change, Map<String, Object> current) {
    long id = ((Number) current.get("id")).longValue();
    Map<String, String> dates = new LinkedHashMap<>(json.items((String) current.get("item_dates")));
    Set<ItemGroup> applying = EnumSet.noneOf(ItemGroup.class);
    for (ItemGroup group : change.groups()) {
      String setOn = dates.get(group.name());
      if (present(change, group) && (setOn == null || !change.movedOn().isBefore(LocalDate.parse(setOn)))) {
        applying.add(group);
      }
    }
    if (applying.isEmpty()) {
      return new Update(id, change, null, Map.of(), Map.of(), Set.of());
    }
    Map<String, Object> row = new HashMap<>(current);
    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    Set<ItemGroup> changed = EnumSet.noneOf(ItemGroup.class);
    for (ItemGroup group : applying) {
      dates.put(group.name(), change.movedOn().toString());
      for (String key : GROUP_ITEMS.get(group)) {
        if (!change.items().containsKey(key)) {
          continue;
        }
        String column = COLUMNS.get(key);
        Object old = current.get(column);
        String value = change.items().get(key);
        if (!value.equals(old == null ? null : old.toString())) {
          before.put(key, old == null ? null : old.toString());
          after.put(key, value);
          changed.add(group);
        }
        row.put(column, value);
      }
    }
    if (applying.contains(ItemGroup.STATUS)) {
      before.put("status", (String) current.get("status"));
      after.put("status", change.status());
      if (!change.status().equals(current.get("status"))) {
        changed.add(ItemGroup.STATUS);
      }
      row.put("status", change.status());
      row.put("status_since", change.movedOn());
      if ("REGISTERED".equals(change.status())) {
        // A 住登外者 who moves in keeps the 宛名番号 and its history; from now on the register speaks for them.
        row.put("source", change.provenance().source());
      }
    }
    if (applying.contains(ItemGroup.NAME)) {
      Map<String, String> items = change.items();
      row.put("search_text", Resident.searchTextOf(new PersonName(items.get("familyNameKanji"),
          items.get("givenNameKanji"), items.get("familyNameKana"), items.get("givenNameKana"))));
    }
    if (applying.contains(ItemGroup.MY_NUMBER)) {
      byte[] old = (byte[]) current.get("my_number_cipher");
      MyNumber held = old == null ? null : protector.decrypt(old);
      before.put("myNumber", held == null ? null : held.masked());
      after.put("myNumber", change.myNumber().masked());
      if (!change.myNumber().equals(held)) {
        changed.add(ItemGroup.MY_NUMBER);
      }
      row.put("my_number_cipher", protector.encrypt(change.myNumber()));
      row.put("my_number_hash", protector.lookupHash(change.myNumber()));
    }
    row.put("item_dates", json.write(dates));
    if (FEED.equals(change.provenance().source())) {
      // The system whose register holds the resident: a staff correction does not move them out of its extract.
      row.put("source_system", change.provenance().sourceSystem());
    }
    return new Update(id, change, row, before, after, changed);
  }

  private static boolean present(RegisterChange change, ItemGroup group) {
    return switch (group) {
      case STATUS -> change.status() != null;
      case MY_NUMBER -> change.myNumber() != null;
      default -> change.items().containsKey(GROUP_KEY_ITEM.get(group));
    };
  }

  private static final List<String> RECORD_COLUMNS = List.of("resident_id", "kind", "source", "source_system",
      "feed_file_id", "feed_line", "event_serial", "moved_on", "notified_on", "outcome", "before_items", "after_items",
      "reason", "recorded_by", "recorded_at");

  private List<Object> record(Update update, Instant now) {
    RegisterChange change = update.change();
    Provenance from = change.provenance();
    return Arrays.asList(update.residentId(), change.change().name(), from.source(), from.sourceSystem(),
        from.feedFileId(), from.feedLine(), from.eventSerial(), change.movedOn(), change.notifiedOn(),
        update.applied() ? "APPLIED" : "SUPERSEDED", json.write(update.before()), json.write(update.after()),
        from.reason(), from.recordedBy(), now);
  }

  private static String describe(RegisterChange change) {
    Provenance from = change.provenance();
    return change.change().name() + " source " + from.source() + " " + from.sourceSystem()
        + (from.feedFileId() == null ? "" : " file " + from.feedFileId() + " line " + from.feedLine());
  }



  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
