package jp.lg.immunization.outreach;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.PrintFont;
import jp.lg.immunization.resident.ResidentCohorts;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.vaccination.VaccineEligibility;
import jp.lg.immunization.vaccination.VaccineEligibility.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues 予診票 to a cohort (R12: only with the PRINT permission): one PDF page per resident, each issuance recorded
 * (resident, vaccine, 接種区分, when, by whom, print run) and audited per resident and per print run, all in one
 * transaction with the rendering, so that a failed print run leaves no trace but its refusal.
 */
@Service
class QuestionnaireIssuance {

  static final int MAX_SHEETS = 2_000;

  /** Sheets go to residents who may have the dose now or later in its period, never to completed or overdue ones. */
  static final Set<Status> ISSUABLE = EnumSet.of(Status.ELIGIBLE, Status.UPCOMING);
  /** Residents who moved out or died get no more 予診票 from this city (the register's 転出, 死亡). */
  private static final Set<String> ISSUABLE_RESIDENTS = Set.of("REGISTERED", "NON_RESIDENT");

  record Issued(UUID batchId, int sheets, byte[] pdf, String fileName) {}

  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final Cohorts cohorts;
  private final QuestionnaireRecords records;
  private final QuestionnairePdf pdf;
  private final PrintFont fonts;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  QuestionnaireIssuance(Cohorts cohorts, QuestionnaireRecords records, QuestionnairePdf pdf, PrintFont fonts,
                        CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.cohorts = cohorts;
    this.records = records;
    this.pdf = pdf;
    this.fonts = fonts;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Issued issue(CohortCriteria criteria) {
    SignedInUser user = currentUser.require(Permission.PRINT, "outreach.questionnaires");
    requireIssuable(criteria);
    Path font = fonts.locate();
    List<Cohorts.Row> rows = cohorts.all(criteria, MAX_SHEETS, "予診票の発行");
    if (rows.isEmpty()) {
      throw ApiException.badRequest("nothing_to_issue", "該当する住民がいないため、予診票を発行できません");
    }
    UUID batchId = UUID.randomUUID();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    String serialPrefix = batchId.toString().substring(0, 8);

    List<QuestionnairePdf.Sheet> sheets = new ArrayList<>(rows.size());
    List<QuestionnaireRecords.Issued> issued = new ArrayList<>(rows.size());
    for (Cohorts.Row row : rows) {
      ResidentCohorts.Member member = row.member();
      VaccineEligibility eligibility = row.eligibility();
      sheets.add(new QuestionnairePdf.Sheet(serialPrefix + "-" + String.format("%04d", sheets.size() + 1),
          member.addresseeNumber(), member.postalCode(), member.address(), member.nameKanji(), member.nameKana(),
          member.birthDate(), ageLabel(member.birthDate(), today), member.sex().label(), eligibility.vaccineName(),
          eligibility.nextDose(), eligibility.eligibleUntil()));
      issued.add(new QuestionnaireRecords.Issued(member.id(), eligibility.nextDose()));
    }
    records.record(batchId, criteria.vaccine(), issued, now, user.username());
    audit.recordEach(AuditOperation.QUESTIONNAIRE_ISSUE, issued.stream().map(QuestionnaireRecords.Issued::residentId)
        .toList(), "batch=" + batchId + " vaccine=" + criteria.vaccine());
    audit.record(AuditOperation.QUESTIONNAIRE_BATCH, null,
        "batch=" + batchId + " sheets=" + sheets.size() + " " + criteria.describe());
    byte[] document = pdf.render(font, sheets, today);
    return new Issued(batchId, sheets.size(), document,
        "予診票_" + criteria.vaccine() + "_" + FILE_DATE.format(today) + ".pdf");
  }

  private static void requireIssuable(CohortCriteria criteria) {
    if (!ISSUABLE_RESIDENTS.containsAll(criteria.residentStatuses())) {
      throw ApiException.invalid("転出・死亡された方には予診票を発行しません。住民の状態は「住民」または「住登外」を選んでください",
          Map.of("residentStatuses", "「住民」または「住登外」を選んでください"));
    }
    if (criteria.vaccine() == null) {
      throw ApiException.invalid("予診票を発行するワクチンを選んでください", Map.of("vaccine", "ワクチンを選んでください"));
    }
    if (criteria.statuses().isEmpty() || !ISSUABLE.containsAll(criteria.statuses())) {
      throw ApiException.invalid("予診票は、接種状況が「接種可」または「接種時期前」の方に発行します。接種状況でどちらか（または両方）を選んでください",
          Map.of("statuses", "「接種可」または「接種時期前」を選んでください"));
    }
  }

  /** 生後Nか月 for infants, 満N歳Mか月 up to school age, 満N歳 after. */
  static String ageLabel(LocalDate birthDate, LocalDate on) {
    int months = AgeBand.completed(AgeBand.AgeUnit.MONTHS, birthDate, on);
    int years = AgeBand.completed(AgeBand.AgeUnit.YEARS, birthDate, on);
    if (years < 1) {
      return "生後" + months + "か月";
    }
    return years < 7 ? "満" + years + "歳" + (months - years * 12) + "か月" : "満" + years + "歳";
  }
}
