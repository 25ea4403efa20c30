package jp.lg.immunization.infonetwork.fukuhon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.vaccination.DoseRecords;
import jp.lg.immunization.workflow.CaseContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 副本 cases: a registration is prepared from the master dose record and checked by two staff before a
 * supervisor approves it (R21); a correction of a registered 副本 is approved before it is applied (R22).
 * Prepared content is format-checked (R23).
 */
@Service
class FukuhonCases {

  private final FukuhonCaseRepository cases;
  private final ResidentDirectory residents;
  private final DoseRecords doses;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final RegisteredFukuhon registered;
  private final ObjectMapper json;
  private final Clock clock;

  FukuhonCases(FukuhonCaseRepository cases, ResidentDirectory residents, DoseRecords doses, CurrentUser currentUser,
               UserDirectory users, AuditTrail audit, RegisteredFukuhon registered, ObjectMapper json, Clock clock) {
    this.cases = cases;
    this.residents = residents;
    this.doses = doses;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.registered = registered;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  FukuhonCase open(FukuhonCase.Kind kind, FukuhonProcesses.Request request) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(request.addresseeNumber());
    InformationItem item = request.informationItem();
    Optional<String> current = registered.content(resident.id(), item);
    if (kind == FukuhonCase.Kind.CORRECTION && current.isEmpty()) {
      throw ApiException.invalid("訂正する副本がありません。先に副本を登録してください",
          Map.of("addresseeNumber", "この住民の副本は登録されていません"));
    }
    JsonNode proposed = FukuhonFormat.fromDoses(json, doses.of(resident.id()));
    List<String> problems = FukuhonFormat.problems(proposed, LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw ApiException.invalid("副本の形式に誤りがあります: " + String.join(" / ", problems), Map.of());
    }
    return cases.save(new FukuhonCase(kind, resident.id(), item, request.reason(), proposed.toString(),
        current.orElse(null), currentUser.get().username(), Instant.now(clock)));
  }

  /**
   * A correction case proposing the resident's current doses, opened because the doses changed. Empty when the
   * content would not pass the format check: the change of the doses stands, and staff correct the 副本 by hand.
   */
  @Transactional
  Optional<FukuhonCase> openFollowUp(long residentId, String reason, String requestedBy) {
    Optional<String> current = registered.content(residentId, InformationItem.VACCINATION_RECORD);
    JsonNode proposed = FukuhonFormat.fromDoses(json, doses.of(residentId));
    if (current.isEmpty() || !FukuhonFormat.problems(proposed, LocalDate.now(clock)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cases.save(new FukuhonCase(FukuhonCase.Kind.CORRECTION, residentId,
        InformationItem.VACCINATION_RECORD, reason, proposed.toString(), current.get(), requestedBy,
        Instant.now(clock))));
  }

  @Transactional
  void approve(String businessKey) {
    byBusinessKey(businessKey).approve(currentUser.get().username(), Instant.now(clock));
  }

  @Transactional
  CaseContext describe(String businessKey, String title) {
    FukuhonCase found = byBusinessKey(businessKey);
    audit.record(AuditOperation.CASE_VIEW, found.residentId(), "fukuhon case=" + found.id());
    List<CaseContext.Section> sections = new ArrayList<>();
    residents.byId(found.residentId()).ifPresent(resident -> sections.add(new CaseContext.Section("対象者", List.of(
        new CaseContext.Row("氏名", resident.nameKanji()),
        new CaseContext.Row("生年月日", JapaneseDates.format(resident.birthDate())),
        new CaseContext.Row("宛名番号", resident.addresseeNumber())))));
    sections.add(new CaseContext.Section("依頼", List.of(
        new CaseContext.Row("情報", found.informationItem().label()),
        new CaseContext.Row("理由", found.reason()),
        new CaseContext.Row("依頼者", users.displayName(found.requestedBy())))));
    sections.add(new CaseContext.Section(found.kind() == FukuhonCase.Kind.CORRECTION ? "訂正の内容" : "登録する内容",
        List.of(new CaseContext.Row("現在の副本", found.previousContent() == null ? "（未登録）" : describe(found.previousContent())),
            new CaseContext.Row(found.kind() == FukuhonCase.Kind.CORRECTION ? "訂正後" : "登録内容",
                describe(found.proposedContent())))));
    return new CaseContext(title + " #" + found.id() + "（" + found.status().label() + "）", sections);
  }

  FukuhonCase byBusinessKey(String businessKey) {
    return cases.findById(Long.parseLong(businessKey)).orElseThrow(() -> ApiException.notFound("副本の案件が見つかりません"));
  }

  /** One line per dose, as staff read it: 接種種別 接種区分 和暦の日付. */
  private String describe(String content) {
    try {
      List<String> lines = new ArrayList<>();
      json.readTree(content).path("doses").forEach(dose -> lines.add(dose.path("vaccine").asText() + " "
          + dose.path("category").asText() + " " + JapaneseDates.format(LocalDate.parse(dose.path("date").asText()))));
      return lines.isEmpty() ? "接種記録なし" : String.join(" / ", lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
