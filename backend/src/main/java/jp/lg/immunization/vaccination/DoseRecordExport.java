package jp.lg.immunization.vaccination;

import java.sql.Date;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentCohorts;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentFacts;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接種実績 as a CSV file (R12, R32): every item of the dose record (the 25 of the 予防接種ファイル, in the order of the
 * clinics' batch file with エラーコード before 備考) for a period of dose dates, optionally one vaccine and one district
 * (地区 of the residents registered here). Only with the EXPORT permission; every resident in the file and the file
 * itself, with its filter and row count, are audited in the same transaction. The record holds no 個人番号, and one
 * typed into a free-text item (備考, a lot number) is blanked out before the file is written, in any digits.
 */
@Service
class DoseRecordExport {

  static final int MAX_ROWS = 100_000;
  static final String MY_NUMBER_BLANKED = "（個人番号のため出力しません）";

  /** The filter: the period of dose dates, and optionally a vaccine (its code) and a district. */
  record Filter(LocalDate from, LocalDate to, String vaccine, String district) {

    String describe() {
      return "from=" + from + " to=" + to + " vaccine=" + (vaccine == null ? "all" : vaccine) + " district="
          + (district == null ? "all" : "\"" + district + "\"");
    }
  }

  record Export(String fileName, CsvEncoding encoding, CsvFile.Encoded file, int rows) {}

  record Option(String code, String name) {}

  record Options(List<Option> vaccines, List<String> districts) {}

  /** The header: the batch file's items, エラーコード inserted before 備考 (DOMAIN.md 5). */
  static final List<String> HEADER = Stream.concat(
      Arrays.stream(DoseItem.values()).filter(item -> item != DoseItem.REMARKS).map(DoseItem::header),
      Stream.of("エラーコード", DoseItem.REMARKS.header())).toList();

  private static final List<DoseItem> COLUMNS = DoseStore.COLUMNS;
  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Map<String, String> SEX_LABELS = Map.of("MALE", "男", "FEMALE", "女");
  // Twelve digits, half- or full-width, perhaps in groups of four as written on the card (1234 5678 9018).
  private static final Pattern TWELVE_DIGITS = Pattern.compile(
      "(?<![0-9０-９])[0-9０-９]{4}[ 　\\-－]?[0-9０-９]{4}[ 　\\-－]?[0-9０-９]{4}(?![0-9０-９])");

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final ResidentCohorts cohorts;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  DoseRecordExport(JdbcTemplate jdbc, ResidentDirectory residents, ResidentCohorts cohorts, CurrentUser currentUser,
                   AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.cohorts = cohorts;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  Options options() {
    return new Options(Arrays.stream(Vaccine.values()).map(v -> new Option(v.name(), v.japaneseName())).toList(),
        cohorts.districts());
  }

  @Transactional
  Export export(Filter filter, CsvEncoding encoding) {
    currentUser.require(Permission.EXPORT, "doses.export");
    check(filter);
    List<Object> parameters = new ArrayList<>(List.of(Date.valueOf(filter.from()), Date.valueOf(filter.to())));
    StringBuilder sql = new StringBuilder("select d.resident_id, d.error_code, ").append(qualified())
        .append(" from dose_record d");
    if (filter.district() != null) {
      sql.append(" join ").append(ResidentFacts.registered()).append(" r on r.id = d.resident_id and r.district = ?");
      parameters.add(0, filter.district());
    }
    sql.append(" where d.dose_date between ? and ?");
    if (filter.vaccine() != null) {
      sql.append(" and d.vaccine = any(?)");
      parameters.add(recordedNames(filter).toArray(String[]::new));
    }
    sql.append(" order by d.dose_date, d.id limit ").append(MAX_ROWS + 1);
    List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> {
      List<String> values = new ArrayList<>(COLUMNS.size());
      for (DoseItem item : COLUMNS) {
        Object value = rs.getObject(item.column());
        values.add(value == null ? "" : DoseStore.text(value));
      }
      return new Row(rs.getLong("resident_id"), values, rs.getString("error_code"));
    }, parameters.toArray());
    if (rows.isEmpty()) {
      throw ApiException.badRequest("nothing_to_export", "条件に当てはまる接種実績がないため、出力するものがありません");
    }
    if (rows.size() > MAX_ROWS) {
      throw ApiException.badRequest("too_many_rows",
          "接種実績が" + MAX_ROWS + "件を超えます。期間・ワクチン・地区を絞って出力してください");
    }
    Set<Long> residentIds = new LinkedHashSet<>();
    rows.forEach(row -> residentIds.add(row.residentId()));
    Map<Long, String> addresseeNumbers = residents.addresseeNumbers(residentIds);
    CsvFile csv = new CsvFile().line(HEADER);
    int[] blanked = {0};
    rows.forEach(row -> csv.line(cells(row, addresseeNumbers.get(row.residentId()), blanked)));
    CsvFile.Encoded encoded = csv.encode(encoding);

    UUID exportId = UUID.randomUUID();
    audit.recordEach(AuditOperation.RESIDENT_EXPORT, residentIds, "dose export=" + exportId);
    audit.record(AuditOperation.DOSE_RECORD_EXPORT, null, "export=" + exportId + " rows=" + rows.size()
        + " residents=" + residentIds.size() + " encoding=" + encoding + " replaced=" + encoded.replaced()
        + " myNumberBlanked=" + blanked[0] + " " + filter.describe());
    return new Export("接種実績_" + FILE_DATE.format(filter.from()) + "-" + FILE_DATE.format(filter.to()) + ".csv",
        encoding, encoded, rows.size());
  }

  /**
   * A 個人番号 never leaves in a file (R06, R32): twelve digits with a valid check digit, in whatever width or
   * grouping, are blanked out of every cell.
   */
  static String withoutMyNumber(String text, int[] blanked) {
    Matcher matcher = TWELVE_DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String digits = Normalizer.normalize(matcher.group(), Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
      boolean myNumber = MyNumber.checkDigit(digits.substring(0, 11)) == digits.charAt(11) - '0';
      if (myNumber) {
        blanked[0]++;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(myNumber ? MY_NUMBER_BLANKED : matcher.group()));
    }
    return matcher.appendTail(out).toString();
  }

  private record Row(long residentId, List<String> values, String errorCode) {}

  private List<String> cells(Row row, String addresseeNumber, int[] blanked) {
    List<String> cells = new ArrayList<>(HEADER.size());
    cells.add(addresseeNumber);
    for (int i = 0; i < COLUMNS.size(); i++) {
      DoseItem item = COLUMNS.get(i);
      String value = row.values().get(i);
      if (item == DoseItem.REMARKS) {
        cells.add(row.errorCode() == null ? "" : row.errorCode());
      }
      cells.add(withoutMyNumber(item == DoseItem.SEX ? SEX_LABELS.getOrDefault(value, value) : value, blanked));
    }
    return cells;
  }

  private List<String> recordedNames(Filter filter) {
    return jdbc.queryForList("select distinct vaccine from dose_record where dose_date between ? and ?", String.class,
        Date.valueOf(filter.from()), Date.valueOf(filter.to())).stream()
        .filter(name -> Vaccine.fromRecord(name).map(v -> v.name().equals(filter.vaccine())).orElse(false)).toList();
  }

  private void check(Filter filter) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (filter.from() == null) {
      problems.put("from", "期間の始まりを入力してください");
    }
    if (filter.to() == null) {
      problems.put("to", "期間の終わりを入力してください");
    }
    if (problems.isEmpty() && filter.from().isAfter(filter.to())) {
      problems.put("to", "期間の終わりは始まり以降の日付にしてください");
    }
    if (problems.isEmpty() && filter.from().isAfter(LocalDate.now(clock))) {
      problems.put("from", "期間がすべて未来です");
    }
    if (filter.vaccine() != null && Arrays.stream(Vaccine.values()).noneMatch(v -> v.name().equals(filter.vaccine()))) {
      problems.put("vaccine", "ワクチンの種類が正しくありません");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("出力の条件が正しくありません", problems);
    }
  }

  private static String qualified() {
    return String.join(", ", COLUMNS.stream().map(item -> "d." + item.column()).toList());
  }
}
