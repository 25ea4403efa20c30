package jp.lg.immunization.resident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;
import jp.lg.immunization.resident.feed.FeedJson;
import jp.lg.immunization.resident.feed.RegisterStore;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseStatus;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 職権記載 by staff (process ResidentEntryByStaff, R01/R05): a resident whom the register feed has not brought yet is
 * entered with a reason, and registered, with a 宛名番号 of the office's own range, only once a supervisor who did not
 * ask for it has approved. Registered through the same register path as the feed (source STAFF_ENTRY), so the items,
 * reason and user are kept in resident_change.
 */
@Component
@CaseProcesses(ResidentEntries.PROCESS_KEY)
class ResidentEntries implements CaseStarter<ResidentEntries.Request>, CaseType<ResidentEntries.Status>,
    CaseContextProvider {

  static final String PROCESS_KEY = "ResidentEntryByStaff";
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("familyNameKanji", "氏");
    LABELS.put("givenNameKanji", "名");
    LABELS.put("familyNameKana", "氏（カナ）");
    LABELS.put("givenNameKana", "名（カナ）");
    LABELS.put("birthDate", "生年月日");
    LABELS.put("sex", "性別");
    LABELS.put("postalCode", "郵便番号");
    LABELS.put("address", "住所");
  }

  enum Status implements CaseStatus {
    AWAITING_APPROVAL, REGISTERED, REJECTED;

    @Override
    public boolean ended() {
      return this != AWAITING_APPROVAL;
    }
  }

  record Request(String familyNameKanji, String givenNameKanji, String familyNameKana, String givenNameKana,
                 LocalDate birthDate, Sex sex, String postalCode, String address, String myNumber, String reason) {}

  private final JdbcTemplate jdbc;
  private final RegisterStore register;
  private final AddresseeNumbers addresseeNumbers;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final FeedJson json;
  private final Clock clock;

  ResidentEntries(JdbcTemplate jdbc, RegisterStore register, AddresseeNumbers addresseeNumbers,
                  CurrentUser currentUser, AuditTrail audit, FeedJson json, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.addresseeNumbers = addresseeNumbers;
    this.currentUser = currentUser;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  @Transactional
  public StartedCase start(Request request) {
    Map<String, String> items = items(request, LocalDate.now(clock));
    MyNumber myNumber = MyNumberInput.parse(request.myNumber(), register, null);
    long id = jdbc.queryForObject("""
        insert into resident_entry (status, items, my_number_cipher, reason, requested_by, requested_at)
        values ('AWAITING_APPROVAL', ?::jsonb, ?, ?, ?, ?) returning id""", Long.class, json.write(items),
        myNumber == null ? null : register.seal(myNumber), request.reason().strip(), currentUser.get().username(),
        Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.RESIDENT_REGISTER_CHANGE, null, "resident entry " + id + " requested");
    return StartedCase.of(id, null);
  }

  private static Map<String, String> items(Request request, LocalDate today) {
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    String familyKana = Resident.normaliseKana(request.familyNameKana());
    String givenKana = Resident.normaliseKana(request.givenNameKana());
    if (!(familyKana + givenKana).matches("[ァ-ヺー ]+")) {
      fieldErrors.put("familyNameKana", "カナはカタカナで入力してください");
    }
    if (request.birthDate().isAfter(today)) {
      fieldErrors.put("birthDate", "生年月日が未来の日付です");
    }
    if (!fieldErrors.isEmpty()) {
      throw ApiException.invalid("入力内容を確認してください", fieldErrors);
    }
    Map<String, String> items = new LinkedHashMap<>();
    items.put("familyNameKanji", request.familyNameKanji().strip());
    items.put("givenNameKanji", request.givenNameKanji().strip());
    items.put("familyNameKana", familyKana);
    items.put("givenNameKana", givenKana);
    items.put("birthDate", request.birthDate().toString());
    items.put("sex", request.sex().name());
    if (request.postalCode() != null && !request.postalCode().isBlank()) {
      items.put("postalCode", request.postalCode().strip());
    }
    items.put("address", request.address().strip());
    return items;
  }

  /**
   * The supervisor's decision. An approval is refused while the 個人番号 belongs to someone the register holds by now
   * (the feed may have brought the person since): they must not be registered twice.
   */
  void decide(String businessKey, String decision, String rejectionReason) {
    long id = Long.parseLong(businessKey);
    if ("APPROVE".equals(decision)) {
      byte[] sealed = jdbc.queryForObject("select my_number_cipher from resident_entry where id = ?", byte[].class,
          id);
      if (sealed != null) {
        MyNumber number = register.unseal(sealed);
        String holder = register.holdersOfMyNumbers(List.of(number)).get(number);
        if (holder != null) {
          throw ApiException.conflict("already_registered", "この個人番号の方は、すでに宛名番号 " + holder
              + " で登録されています。記載は却下してください");
        }
      }
    }
    jdbc.update("update resident_entry set decided_by = ?, rejection_reason = ? where id = ?",
        currentUser.get().username(), "REJECT".equals(decision) ? rejectionReason : null, id);
  }

  /** Registers the entered resident once: a second run finds them registered. */
  void register(String businessKey) {
    long id = Long.parseLong(businessKey);
    Map<String, Object> entry = jdbc.queryForMap("select * from resident_entry where id = ? for update", id);
    if (entry.get("resident_id") != null) {
      return;
    }
    Map<String, String> items = json.items(entry.get("items").toString());
    byte[] sealed = (byte[]) entry.get("my_number_cipher");
    Set<ItemGroup> groups = EnumSet.of(ItemGroup.STATUS, ItemGroup.IDENTITY, ItemGroup.NAME, ItemGroup.ADDRESS);
    if (sealed != null) {
      groups.add(ItemGroup.MY_NUMBER);
    }
    RegisterStore.Outcome outcome = register.apply(new RegisterStore.RegisterChange(addresseeNumbers.next(),
        Change.REGISTERED_EX_OFFICIO, true, groups, ResidentStatus.REGISTERED.name(), LocalDate.now(clock), null,
        items, sealed == null ? null : register.unseal(sealed), new RegisterStore.Provenance("STAFF_ENTRY",
        IdentityCorrections.STAFF_SOURCE_SYSTEM, null, null, null, (String) entry.get("requested_by"),
        (String) entry.get("reason"))));
    jdbc.update("update resident_entry set resident_id = ?, registered_at = ? where id = ?", outcome.residentId(),
        Timestamp.from(Instant.now(clock)), id);
  }

  @Override
  public void enter(String businessKey, Status status) {
    jdbc.update("update resident_entry set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  @Override
  public CaseContext describe(String businessKey) {
    Map<String, Object> entry = jdbc.queryForMap("select * from resident_entry where id = ?",
        Long.parseLong(businessKey));
    Long residentId = entry.get("resident_id") == null ? null : ((Number) entry.get("resident_id")).longValue();
    audit.record(AuditOperation.CASE_VIEW, residentId, PROCESS_KEY + " " + businessKey);
    List<CaseContext.Row> rows = new ArrayList<>();
    Map<String, String> items = json.items(entry.get("items").toString());
    LABELS.forEach((key, label) -> rows.add(new CaseContext.Row(label, "sex".equals(key)
        ? Sex.valueOf(items.get(key)).label() : items.getOrDefault(key, "—"))));
    byte[] sealed = (byte[]) entry.get("my_number_cipher");
    rows.add(new CaseContext.Row("個人番号", sealed == null ? "なし" : register.unseal(sealed).masked()));
    rows.add(new CaseContext.Row("理由", (String) entry.get("reason")));
    rows.add(new CaseContext.Row("依頼した職員", (String) entry.get("requested_by")));
    if (residentId != null) {
      rows.add(new CaseContext.Row("登録した住民", "住民詳細", "/residents/" + residentId));
    }
    return new CaseContext("住民の職権記載 #" + businessKey, List.of(new CaseContext.Section("記載の内容", rows)));
  }


}
