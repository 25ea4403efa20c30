package jp.lg.immunization.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 住登外者確認 process's case data (R02): starting a case from the start form, the context shown
 * beside each task, and the status each step of the BPMN declares as the case moves on.
 */
@Component("nonResidentCases")
@CaseProcesses(NonResidentCases.PROCESS_KEY)
class NonResidentCases implements CaseStarter<NonResidentCases.Request>, CaseContextProvider,
    CaseType<NonResidentCase.Status> {

  /** The start form: who to ask 市町村CS about, and why. */
  record Request(String nameKana, LocalDate birthDate, Sex sex, String reason) {}

  static final String PROCESS_KEY = "NonResidentConfirmation";
  private static final String REQUEST_PREFIX = "NRC-";

  private final NonResidentCaseRepository cases;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration lookupTimeout;
  private final ResidentRepository residents;

  NonResidentCases(NonResidentCaseRepository cases, CurrentUser currentUser, UserDirectory users, AuditTrail audit,
                   Clock clock, @Value("${immunization.resident-network.lookup-timeout:PT30M}") Duration lookupTimeout,
                   ResidentRepository residents) {
    this.cases = cases;
    this.residents = residents;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.lookupTimeout = lookupTimeout;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  @Transactional
  public StartedCase start(Request request) {
    if (request.birthDate().isAfter(LocalDate.now(clock))) {
      throw ApiException.invalid("生年月日が未来の日付です", Map.of("birthDate", "生年月日が未来の日付です"));
    }
    IdentityQuery query = new IdentityQuery(Resident.normaliseKana(request.nameKana()), request.birthDate(),
        request.sex());
    NonResidentCase created = cases.save(new NonResidentCase(query, request.reason(), currentUser.get().username(),
        Instant.now(clock)));
    // The wait for 市町村CS is fixed when the case starts, so a configuration change never moves a running deadline.
    // No resident yet: the case becomes one only when two staff have confirmed the match.
    return StartedCase.of(created.id(), null, Map.of("caseId", created.id(), "lookupTimeout", lookupTimeout.toString()));
  }

  @Override
  public void enter(String businessKey, NonResidentCase.Status status) {
    byBusinessKey(businessKey).status(status);
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    NonResidentCase found = byBusinessKey(businessKey);
    audit.record(AuditOperation.NON_RESIDENT_CASE_VIEW, found.residentId(), "case=" + found.id());
    List<CaseContext.Section> sections = new ArrayList<>();
    IdentityQuery query = found.query();
    sections.add(new CaseContext.Section("照会内容", List.of(
        new CaseContext.Row("氏名（カナ）", query.nameKana()),
        new CaseContext.Row("生年月日", JapaneseDates.format(query.birthDate())),
        new CaseContext.Row("性別", query.sex().label()),
        new CaseContext.Row("照会理由", found.reason()),
        new CaseContext.Row("依頼者", users.displayName(found.requestedBy())))));
    if (found.lookupOutcome() == NonResidentCase.LookupOutcome.FOUND) {
      PersonName name = found.foundName();
      sections.add(new CaseContext.Section("照会結果（市町村CS・シミュレーター）", List.of(
          new CaseContext.Row("氏名", name.fullKanji()),
          new CaseContext.Row("氏名（カナ）", name.fullKana()),
          new CaseContext.Row("生年月日", JapaneseDates.format(found.foundBirthDate())),
          new CaseContext.Row("性別", found.foundSex().label()),
          new CaseContext.Row("住所", found.foundAddress()),
          new CaseContext.Row("個人番号", ResidentViews.MY_NUMBER_MASK),
          new CaseContext.Row("回答日時", JapaneseDates.format(found.answeredAt().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate())))));
    } else if (found.lookupOutcome() == NonResidentCase.LookupOutcome.NOT_FOUND) {
      sections.add(new CaseContext.Section("照会結果（市町村CS・シミュレーター）",
          List.of(new CaseContext.Row("結果", "該当者なし"))));
    }
    return new CaseContext("住登外者確認 #" + found.id() + "（" + found.status().label() + "）", sections);
  }

  /**
   * Refuses to confirm a match whose 個人番号 the register already holds (another 住登外者確認 confirmed the same person
   * first, or the feed brought them): the person has a 宛名番号 already and must not get a second one.
   */
  void checkNotRegisteredYet(String businessKey) {
    NonResidentCase found = byBusinessKey(businessKey);
    if (found.residentId() != null || found.foundMyNumberHash() == null) {
      return;
    }
    residents.findByMyNumberHash(found.foundMyNumberHash()).ifPresent(registered -> {
      throw ApiException.conflict("already_registered", "照会で見つかった方は、すでに宛名番号 "
          + registered.addresseeNumber() + " で登録されています。差し戻して照会を取り下げ、登録済みの宛名番号を使ってください");
    });
  }

  NonResidentCase byBusinessKey(String businessKey) {
    return cases.findById(Long.parseLong(businessKey))
        .orElseThrow(() -> ApiException.notFound("案件が見つかりません"));
  }

  static String requestIdOf(long caseId) {
    return REQUEST_PREFIX + caseId;
  }

  static long caseIdOf(String requestId) {
    return Long.parseLong(requestId.substring(REQUEST_PREFIX.length()));
  }
}
