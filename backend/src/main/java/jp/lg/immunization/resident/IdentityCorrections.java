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
 * 職権修正 of a resident's identity items (R05, process ResidentIdentityCorrection): staff name the items to correct
 * and why; a new 個人番号 waits for a supervisor who did not ask for it. Applied through the same register path as the
 * feed, so before, after, reason and user are kept in resident_change with the source STAFF_ENTRY.
 */
@Component
@CaseProcesses(IdentityCorrections.PROCESS_KEY)
class IdentityCorrections implements CaseStarter<IdentityCorrections.Request>, CaseType<IdentityCorrections.Status>,
    CaseContextProvider {

  static final String PROCESS_KEY = "ResidentIdentityCorrection";
  static final String STAFF_SOURCE_SYSTEM = "職員入力";
  private static final List<String> NAME_KEYS = List.of("familyNameKanji", "givenNameKanji", "familyNameKana",
      "givenNameKana");
  private static final Map<String, String> LABELS = Map.of("familyNameKanji", "氏", "givenNameKanji", "名",
      "familyNameKana", "氏（カナ）", "givenNameKana", "名（カナ）", "birthDate", "生年月日", "sex", "性別",
      "postalCode", "郵便番号", "address", "住所");

  enum Status implements CaseStatus {
    REQUESTED, AWAITING_APPROVAL, APPLIED, REJECTED;

    @Override
    public boolean ended() {
      return this == APPLIED || this == REJECTED;
    }
  }

  record Request(String addresseeNumber, String familyNameKanji, String givenNameKanji, String familyNameKana,
                 String givenNameKana, LocalDate birthDate, Sex sex, String postalCode, String address,
                 String myNumber, String reason) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory directory;
  private final ResidentRepository residents;
  private final RegisterStore register;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final FeedJson json;
  private final Clock clock;

  IdentityCorrections(JdbcTemplate jdbc, ResidentDirectory directory, ResidentRepository residents,
                      RegisterStore register, CurrentUser currentUser, AuditTrail audit, FeedJson json,
                      Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.residents = residents;
    this.register = register;
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
    Resident resident = residents.findById(directory.requireByAddresseeNumber(request.addresseeNumber()).id())
        .orElseThrow();
    Map<String, String> items = items(request, resident, LocalDate.now(clock));
    MyNumber myNumber = MyNumberInput.parse(request.myNumber(), register, resident.addresseeNumber());
    if (items.isEmpty() && myNumber == null) {
      throw ApiException.invalid("訂正する項目を入力してください", Map.of("reason", "訂正する項目がありません"));
    }
    long id = jdbc.queryForObject("""
        insert into identity_correction (resident_id, status, items, my_number_cipher, reason, requested_by,
                                         requested_at)
        values (?, 'REQUESTED', ?::jsonb, ?, ?, ?, ?) returning id""", Long.class, resident.id(), json.write(items),
        myNumber == null ? null : register.seal(myNumber), request.reason().strip(), currentUser.get().username(),
        Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.RESIDENT_REGISTER_CHANGE, resident.id(), "identity correction " + id + " requested");
    return StartedCase.of(id, resident.id(), Map.of("myNumberChange", myNumber != null));
  }

  /** Only the items that differ; a name is corrected as a whole, and birth date and sex together. */
  private static Map<String, String> items(Request request, Resident resident, LocalDate today) {
    Map<String, String> items = new LinkedHashMap<>();
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(List.of(blankToEmpty(request.familyNameKanji()),
        blankToEmpty(request.givenNameKanji()), blankToEmpty(Resident.normaliseKana(
            blankToEmpty(request.familyNameKana()))), blankToEmpty(Resident.normaliseKana(
            blankToEmpty(request.givenNameKana())))));
    if (names.stream().anyMatch(name -> !name.isEmpty())) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).isEmpty()) {
          fieldErrors.put(NAME_KEYS.get(i), "氏名は氏・名・カナをすべて入力してください");
        } else {
          items.put(NAME_KEYS.get(i), names.get(i));
        }
      }
      if (names.subList(2, 4).stream().anyMatch(kana -> !kana.isEmpty() && !kana.matches("[ァ-ヺー ]+"))) {
        fieldErrors.put("familyNameKana", "カナはカタカナで入力してください");
      }
    }
    if (request.birthDate() != null || request.sex() != null) {
      LocalDate birthDate = request.birthDate() == null ? resident.birthDate() : request.birthDate();
      if (birthDate.isAfter(today)) {
        fieldErrors.put("birthDate", "生年月日が未来の日付です");
      }
      items.put("birthDate", birthDate.toString());
      items.put("sex", (request.sex() == null ? resident.sex() : request.sex()).name());
    }
    if (!blankToEmpty(request.address()).isEmpty() || !blankToEmpty(request.postalCode()).isEmpty()) {
      items.put("address", blankToEmpty(request.address()).isEmpty() ? resident.address() : request.address().strip());
      if (!blankToEmpty(request.postalCode()).isEmpty()) {
        items.put("postalCode", request.postalCode().strip());
      }
    }
    if (!fieldErrors.isEmpty()) {
      throw ApiException.invalid("入力内容を確認してください", fieldErrors);
    }
    return items;
  }

  /** Applies the correction once: a second run finds it applied. */
  void apply(String businessKey) {
    Map<String, Object> correction = jdbc.queryForMap("""
        select c.*, r.addressee_number from identity_correction c join resident r on r.id = c.resident_id
        where c.id = ? for update of c""", Long.parseLong(businessKey));
    if (correction.get("applied_at") != null) {
      return;
    }
    Map<String, String> items = json.items(correction.get("items").toString());
    byte[] sealed = (byte[]) correction.get("my_number_cipher");
    Set<ItemGroup> groups = EnumSet.noneOf(ItemGroup.class);
    if (items.containsKey("familyNameKanji")) {
      groups.add(ItemGroup.NAME);
    }
    if (items.containsKey("birthDate")) {
      groups.add(ItemGroup.IDENTITY);
    }
    if (items.containsKey("address")) {
      groups.add(ItemGroup.ADDRESS);
    }
    if (sealed != null) {
      groups.add(ItemGroup.MY_NUMBER);
    }
    register.apply(new RegisterStore.RegisterChange((String) correction.get("addressee_number"), Change.CORRECTED,
        false, groups, null, LocalDate.now(clock), null, items,
        sealed == null ? null : register.unseal(sealed), new RegisterStore.Provenance("STAFF_ENTRY",
        STAFF_SOURCE_SYSTEM, null, null, null, (String) correction.get("requested_by"),
        (String) correction.get("reason"))));
    jdbc.update("update identity_correction set applied_at = ? where id = ?", Timestamp.from(Instant.now(clock)),
        Long.parseLong(businessKey));
  }

  void decide(String businessKey, String decision, String rejectionReason) {
    jdbc.update("update identity_correction set decided_by = ?, rejection_reason = ? where id = ?",
        currentUser.get().username(), "REJECT".equals(decision) ? rejectionReason : null, Long.parseLong(businessKey));
  }

  @Override
  public void enter(String businessKey, Status status) {
    jdbc.update("update identity_correction set status = ?, version = version + 1 where id = ?", status.name(),
        Long.parseLong(businessKey));
  }

  @Override
  public CaseContext describe(String businessKey) {
    Map<String, Object> correction = jdbc.queryForMap("select * from identity_correction where id = ?",
        Long.parseLong(businessKey));
    long residentId = ((Number) correction.get("resident_id")).longValue();
    Resident resident = residents.findById(residentId).orElseThrow();
    audit.record(AuditOperation.CASE_VIEW, residentId, PROCESS_KEY + " " + businessKey);
    List<CaseContext.Row> rows = new ArrayList<>();
    rows.add(new CaseContext.Row("宛名番号", resident.addresseeNumber(), "/residents/" + residentId));
    rows.add(new CaseContext.Row("氏名", resident.name().fullKanji()));
    json.items(correction.get("items").toString()).forEach((key, value) -> rows.add(new CaseContext.Row(
        LABELS.getOrDefault(key, key) + "（訂正後）", value)));
    byte[] sealed = (byte[]) correction.get("my_number_cipher");
    if (sealed != null) {
      rows.add(new CaseContext.Row("個人番号（訂正後）", register.unseal(sealed).masked()));
      rows.add(new CaseContext.Row("個人番号（訂正前）", resident.hasMyNumber()
          ? register.unseal(resident.myNumberCipher()).masked() : "なし"));
    }
    rows.add(new CaseContext.Row("理由", (String) correction.get("reason")));
    rows.add(new CaseContext.Row("依頼した職員", (String) correction.get("requested_by")));
    return new CaseContext("本人情報の職権修正 #" + businessKey, List.of(new CaseContext.Section("訂正の内容", rows)));
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }


}
