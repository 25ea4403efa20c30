package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 接種実績のCSV出力 (R12, R32): all 25 items of the dose record for a period, vaccine and district, only with EXPORT,
 * audited with its residents and row count, and never a 個人番号 — not even one typed into 備考, in UTF-8 or Shift_JIS,
 * half- or full-width, grouped or not. Cells a spreadsheet would run as a formula are guarded.
 */
@IntegrationTest
class DoseRecordExportTest {

  private static final LocalDate FROM = LocalDate.of(2024, 4, 1);
  private static final LocalDate TO = LocalDate.of(2025, 3, 31);

  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private long child;
  private long other;
  // Each test has residents of its own: a district and a 個人番号 no other test uses.
  private String district;
  private String number;

  @BeforeEach
  void setUp() {
    ResidentFixtures residents = new ResidentFixtures(context);
    Random random = new Random();
    district = "実績出力町" + random.ints(6, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
        StringBuilder::append);
    number = MyNumber.withCheckDigit(String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L)))
        .digits();
    child = residents.insert(new ResidentFixtures.Person("実績", "出力子", "ジッセキ", "シュツリョクコ",
        LocalDate.of(2023, 2, 10), Sex.FEMALE, "360-0001", "埼玉県架空市" + district + "1丁目2番3号", "REGISTERED"));
    residents.giveMyNumber(child, MyNumber.parse(number));
    other = residents.insert(new ResidentFixtures.Person("実績", "他地区", "ジッセキ", "タチク", LocalDate.of(2023, 3, 1),
        Sex.MALE, "360-0002", "埼玉県架空市別の実績町1丁目2番3号", "REGISTERED"));
    dose(child, "MR", "1期", LocalDate.of(2024, 6, 1), "LOT-A1", "本人の個人番号 " + grouped(number, "-") + " を誤って記入");
    dose(child, "MR", "2期", LocalDate.of(2024, 9, 1), "LOT-A2", "＝１＋１ 個人番号" + fullWidth(number));
    dose(child, "BCG", "1回", LocalDate.of(2024, 7, 1), "LOT-B1", null);
    dose(child, "MR", "1期", LocalDate.of(2025, 6, 1), "LOT-A3", null);
    dose(other, "MR", "1期", LocalDate.of(2024, 6, 2), "LOT-C1", null);
  }

  @Test
  void R32_theDoseRecordCsvHoldsAllTwentyFiveItemsAndNoMyNumberInUtf8OrShiftJis() throws Exception {
    long before = count("DOSE_RECORD_EXPORT");
    for (String encoding : List.of("UTF8_BOM", "SHIFT_JIS")) {
      byte[] bytes = driver.perform("staff1", post("/api/doses/export"), filter("MR", encoding))
          .andExpect(status().isOk()).andExpect(header().string("X-Row-Count", "2"))
          .andReturn().getResponse().getContentAsByteArray();
      Charset charset = encoding.equals("UTF8_BOM") ? StandardCharsets.UTF_8 : Charset.forName("windows-31j");
      String text = new String(bytes, charset).replace("\uFEFF", "");
      List<String> lines = Arrays.asList(text.split("\r\n"));

      assertThat(lines).as(encoding).hasSize(3);
      List<String> header = cells(lines.get(0));
      assertThat(header).as("the 25 items of the dose record").hasSize(25).startsWith("宛名番号", "接種種別", "接種区分")
          .endsWith("状態", "エラーコード", "備考");
      assertThat(cells(lines.get(1))).startsWith(new ResidentFixtures(context).addresseeNumber(child), "MR", "1期")
          .contains("LOT-A1", "2024-06-01", "女");
      assertThat(cells(lines.get(2)).get(24)).as("formula guard").startsWith("'＝１＋１");
      for (String form : List.of(number, grouped(number, "-"), fullWidth(number), number.substring(0, 11))) {
        assertThat(text).as(encoding + " " + form).doesNotContain(form);
      }
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("no ASCII digits of it in the raw bytes either")
          .doesNotContain(number);
      assertThat(text).contains(DoseRecordExport.MY_NUMBER_BLANKED).doesNotContain("他地区").doesNotContain("LOT-C1")
          .doesNotContain("LOT-B1").doesNotContain("LOT-A3");
    }
    assertThat(count("DOSE_RECORD_EXPORT")).isEqualTo(before + 2);
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'DOSE_RECORD_EXPORT'"
        + " order by id desc limit 1", String.class)).contains("rows=2", "residents=1", "myNumberBlanked=2",
        "vaccine=MR", district).doesNotContain(number);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'RESIDENT_EXPORT'"
        + " and resident_id = ?", Long.class, child)).isEqualTo(2);
  }

  @Test
  void R32_withoutAVaccineTheDistrictsDosesOfThePeriodAreExported() throws Exception {
    driver.perform("staff1", post("/api/doses/export"), filter(null, "UTF8_BOM")).andExpect(status().isOk())
        .andExpect(header().string("X-Row-Count", "3"));
  }

  @Test
  void R12_withoutTheExportPermissionNothingLeavesAndTheRefusalIsAudited() throws Exception {
    long before = count("DOSE_RECORD_EXPORT");
    driver.perform("staff2", post("/api/doses/export"), filter("MR", "UTF8_BOM")).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("permission_required"));
    assertThat(count("DOSE_RECORD_EXPORT")).isEqualTo(before);
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'PERMISSION_REFUSED'"
        + " order by id desc limit 1", String.class)).contains("doses.export");
  }

  @Test
  void aWrongFilterIsRefusedWithTheFieldNamed() throws Exception {
    Map<String, Object> reversed = filter("MR", "UTF8_BOM");
    reversed.put("from", TO.toString());
    reversed.put("to", FROM.toString());
    driver.perform("staff1", post("/api/doses/export"), reversed).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.to").exists());
    driver.perform("staff1", post("/api/doses/export"), filter("NO_SUCH_VACCINE", "UTF8_BOM"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.vaccine").exists());
    Map<String, Object> empty = filter("BCG", "UTF8_BOM");
    empty.put("from", "2001-04-01");
    empty.put("to", "2001-04-02");
    driver.perform("staff1", post("/api/doses/export"), empty).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("nothing_to_export"));
    driver.perform("staff1", get("/api/doses/export/options"), null).andExpect(status().isOk())
        .andExpect(jsonPath("$.vaccines[?(@.code == 'MR')]").exists());
  }

  private Map<String, Object> filter(String vaccine, String encoding) {
    Map<String, Object> filter = new HashMap<>(Map.of("from", FROM.toString(), "to", TO.toString(),
        "district", district, "encoding", encoding));
    if (vaccine != null) {
      filter.put("vaccine", vaccine);
    }
    return filter;
  }

  private void dose(long residentId, String vaccine, String category, LocalDate date, String lot, String remarks) {
    jdbc.update("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date, lot_number, remarks)
        select ?, ?, id, birth_date, sex, ?, ?, ? from resident where id = ?""", vaccine, category, date, lot, remarks,
        residentId);
  }

  private long count(String operation) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = ?", Long.class, operation);
  }

  private static String grouped(String digits, String separator) {
    return digits.substring(0, 4) + separator + digits.substring(4, 8) + separator + digits.substring(8);
  }

  private static String fullWidth(String digits) {
    return digits.chars().mapToObj(c -> Character.toString(c - '0' + '０')).collect(Collectors.joining());
  }

  /** The cells of a line this file writes: every cell quoted, quotes doubled. */
  private static List<String> cells(String line) {
    String inner = line.substring(1, line.length() - 1);
    return Arrays.stream(inner.split("\",\"", -1)).map(cell -> cell.replace("\"\"", "\"")).toList();
  }
}
