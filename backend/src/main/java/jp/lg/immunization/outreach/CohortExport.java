package jp.lg.immunization.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentCohorts;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import jp.lg.immunization.vaccination.VaccineEligibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort as a CSV file (R12): only for users with the EXPORT permission; each exported resident and the
 * export itself, with its row count, are audited in the same transaction. The columns are fixed here and hold no
 * 個人番号 (R06, R32): the rows it is built from never carry one.
 */
@Service
class CohortExport {

  static final int MAX_ROWS = 10_000;

  record Export(String fileName, CsvEncoding encoding, byte[] content, int rows, int replacedCharacters) {}

  static final List<String> HEADER = List.of("宛名番号", "氏名", "氏名（カナ）", "生年月日", "生年月日（西暦）", "年齢", "性別",
      "郵便番号", "住所", "地区", "住民区分", "ワクチン", "接種状況", "次の接種区分", "接種可能となる日", "接種期限", "予診票発行日");

  static final Map<String, String> RESIDENT_STATUS_LABELS = Map.of("REGISTERED", "住民", "NON_RESIDENT", "住登外",
      "MOVED_OUT", "転出", "DECEASED", "死亡");

  static final Map<VaccineEligibility.Status, String> STATUS_LABELS = Map.of(
      VaccineEligibility.Status.ELIGIBLE, "接種可", VaccineEligibility.Status.UPCOMING, "接種時期前",
      VaccineEligibility.Status.OVERDUE, "期限切れ", VaccineEligibility.Status.COMPLETED, "完了",
      VaccineEligibility.Status.NOT_ELIGIBLE, "対象外");

  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final Cohorts cohorts;
  private final QuestionnaireRecords questionnaires;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  CohortExport(Cohorts cohorts, QuestionnaireRecords questionnaires, CurrentUser currentUser, AuditTrail audit,
               Clock clock) {
    this.cohorts = cohorts;
    this.questionnaires = questionnaires;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Export export(CohortCriteria criteria, CsvEncoding encoding) {
    currentUser.require(Permission.EXPORT, "outreach.export");
    List<Cohorts.Row> rows = cohorts.all(criteria, MAX_ROWS, "CSV出力");
    if (rows.isEmpty()) {
      throw ApiException.badRequest("nothing_to_export", "該当する住民がいないため、出力するものがありません");
    }
    LocalDate today = LocalDate.now(clock);
    List<Long> ids = rows.stream().map(row -> row.member().id()).toList();
    Map<Long, Instant> issued = questionnaires.lastIssued(ids, criteria.vaccine());
    CsvFile csv = new CsvFile().line(HEADER);
    rows.forEach(row -> csv.line(cells(row, today, issued.get(row.member().id()))));
    CsvFile.Encoded encoded = csv.encode(encoding);

    UUID exportId = UUID.randomUUID();
    audit.recordEach(AuditOperation.RESIDENT_EXPORT, ids, "export=" + exportId);
    audit.record(AuditOperation.COHORT_EXPORT, null, "export=" + exportId + " rows=" + rows.size() + " encoding="
        + encoding + " replaced=" + encoded.replaced() + " " + criteria.describe());
    return new Export("予防接種対象者一覧_" + FILE_DATE.format(today) + ".csv", encoding, encoded.bytes(), rows.size(),
        encoded.replaced());
  }

  private List<String> cells(Cohorts.Row row, LocalDate today, Instant issuedAt) {
    ResidentCohorts.Member member = row.member();
    List<String> cells = new ArrayList<>(HEADER.size());
    cells.add(member.addresseeNumber());
    cells.add(member.nameKanji());
    cells.add(member.nameKana());
    cells.add(JapaneseDates.format(member.birthDate()));
    cells.add(member.birthDate().toString());
    cells.add(String.valueOf(AgeBand.completed(AgeBand.AgeUnit.YEARS, member.birthDate(), today)));
    cells.add(member.sex().label());
    cells.add(member.postalCode());
    cells.add(member.address());
    cells.add(member.district());
    cells.add(RESIDENT_STATUS_LABELS.getOrDefault(member.status(), member.status()));
    VaccineEligibility eligibility = row.eligibility();
    cells.add(eligibility == null ? "" : eligibility.vaccineName());
    cells.add(eligibility == null ? "" : STATUS_LABELS.get(eligibility.status()));
    cells.add(eligibility == null ? "" : eligibility.nextDose());
    cells.add(eligibility == null ? "" : JapaneseDates.format(eligibility.eligibleFrom()));
    cells.add(eligibility == null ? "" : JapaneseDates.format(eligibility.eligibleUntil()));
    cells.add(issuedAt == null ? "" : JapaneseDates.format(LocalDate.ofInstant(issuedAt, clock.getZone())));
    return cells;
  }
}
