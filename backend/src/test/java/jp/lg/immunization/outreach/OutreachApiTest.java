package jp.lg.immunization.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.PrintFont;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.security.CurrentUser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Cohort search, CSV export and 予診票 issuance through the API, on a made-to-measure district of synthetic
 * residents so that every count is exact: in district D, A is due for MR 2期 (ELIGIBLE), B has had it (COMPLETED),
 * C is three with 1期 given (UPCOMING), H is three without any MR dose (OVERDUE), F is seventy; G is a non-resident
 * due for 2期 in D; E lives in district D2 and is due for 2期.
 */
@IntegrationTest
class OutreachApiTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationContext context;

  private ResidentFixtures fixtures;
  private LocalDate today;
  private String d;
  private String d2;
  private long a;
  private long b;
  private long c;
  private long f;
  private long g;
  private long h;
  private long e;
  private final Map<Long, LocalDate> birthDates = new HashMap<>();

  @BeforeEach
  void aDistrictOfSyntheticResidents() {
    fixtures = new ResidentFixtures(context);
    today = LocalDate.now(clock);
    d = newDistrict();
    d2 = newDistrict();
    int schoolYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    LocalDate preschoolYear = LocalDate.of(schoolYear - 6, 6, 15);  // 就学前の1年間 (年長) this school year
    LocalDate threeYears = today.minusYears(3).minusMonths(2);

    a = resident(d, "相沢", "陽翔", "アイザワ", "ハルト", preschoolYear, Sex.MALE, "REGISTERED");
    dose(a, "MR", "1期", preschoolYear.plusMonths(13));
    b = resident(d, "石田", "澪", "イシダ", "ミオ", preschoolYear.plusDays(3), Sex.FEMALE, "REGISTERED");
    dose(b, "MR", "1期", preschoolYear.plusMonths(13));
    dose(b, "MR", "2期", LocalDate.of(schoolYear, 4, 1));
    c = resident(d, "上野", "蒼空", "ウエノ", "ソラ", threeYears, Sex.MALE, "REGISTERED");
    dose(c, "MR", "1期", threeYears.plusMonths(13));
    f = resident(d, "遠藤", "清", "エンドウ", "キヨシ", today.minusYears(70).minusDays(10), Sex.MALE, "REGISTERED");
    h = resident(d, "岡田", "紬", "オカダ", "ツムギ", threeYears.plusDays(1), Sex.FEMALE, "REGISTERED");
    g = resident(d, "河合", "結衣", "カワイ", "ユイ", preschoolYear, Sex.FEMALE, "NON_RESIDENT");
    dose(g, "MR", "1期", preschoolYear.plusMonths(13));
    e = resident(d2, "木村", "凛", "キムラ", "リン", preschoolYear.plusDays(1), Sex.FEMALE, "REGISTERED");
    dose(e, "MR", "1期", preschoolYear.plusMonths(13));
  }

  // ---- search ----

  @Test
  void findsTheResidentsOfADistrictDueForMrPhaseTwoByAgeBandAndVaccineStatus() throws Exception {
    JsonNode page = search("staff1", criteria(d).ages(5, 6).vaccine("MR").statuses("ELIGIBLE").doseCategory("2期"), 0, 20);
    assertThat(page.path("total").asLong()).isEqualTo(1);
    JsonNode row = page.path("items").get(0);
    assertThat(row.path("id").asLong()).isEqualTo(a);
    assertThat(row.path("nameKanji").asText()).isEqualTo("相沢 陽翔");
    assertThat(row.path("district").asText()).isEqualTo(d);
    assertThat(row.path("eligibility").path("status").asText()).isEqualTo("ELIGIBLE");
    assertThat(row.path("eligibility").path("nextDose").asText()).isEqualTo("2期");
    assertThat(row.has("myNumberMasked")).isFalse();
    assertThat(page.path("asOf").asText()).isEqualTo(today.toString());
  }

  @Test
  void narrowsByDistrictAgeBandResidentStatusAndSexAndPagesInKanaOrder() throws Exception {
    assertThat(ids(search("staff1", criteria(d), 0, 2))).containsExactly(a, b);
    assertThat(ids(search("staff1", criteria(d), 1, 2))).containsExactly(c, f);
    JsonNode last = search("staff1", criteria(d), 2, 2);
    assertThat(ids(last)).containsExactly(h);
    assertThat(last.path("total").asLong()).isEqualTo(5);
    assertThat(last.path("page").asInt()).isEqualTo(2);

    assertThat(ids(search("staff1", criteria(d).ages(0, 6), 0, 20))).containsExactly(a, b, c, h);
    assertThat(ids(search("staff1", criteria(d).ages(0, 6).sex("FEMALE"), 0, 20))).containsExactly(b, h);
    assertThat(ids(search("staff1", criteria(d).residentStatuses("NON_RESIDENT"), 0, 20))).containsExactly(g);
    assertThat(ids(search("staff1", criteria(d, d2).ages(5, 6).vaccine("MR").statuses("ELIGIBLE"), 0, 20)))
        .containsExactly(a, e);
    // Infants are searched in months.
    assertThat(ids(search("staff1", criteria(d).months(36, 47), 0, 20))).containsExactly(c, h);
  }

  @Test
  void findsTheOverdueAndPagesThroughAVaccineStatusFilter() throws Exception {
    assertThat(ids(search("staff1", criteria(d).ages(0, 6).vaccine("MR").statuses("OVERDUE"), 0, 20)))
        .containsExactly(h);
    Criteria underSeven = criteria(d).ages(0, 6).vaccine("MR").statuses("ELIGIBLE", "UPCOMING", "COMPLETED");
    JsonNode first = search("staff1", underSeven, 0, 2);
    assertThat(first.path("total").asLong()).isEqualTo(3);
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(search("staff1", underSeven, 1, 2))).containsExactly(c);

    // A vaccine without a status filter shows every resident's status for it.
    JsonNode all = search("staff1", criteria(d).vaccine("MR"), 0, 20);
    assertThat(all.path("total").asLong()).isEqualTo(5);
    List<String> statuses = new ArrayList<>();
    all.path("items").forEach(row -> statuses.add(row.path("eligibility").path("status").asText()));
    assertThat(statuses).containsExactly("ELIGIBLE", "COMPLETED", "UPCOMING", "OVERDUE", "OVERDUE");
  }

  @Test
  void R04_everySearchHitIsAuditedPerResidentWithTheCriteriaButNoPersonalData() throws Exception {
    long before = count("select count(*) from audit_event where operation = 'RESIDENT_SEARCH_HIT'");
    search("staff1", criteria(d).ages(0, 6).vaccine("MR").statuses("ELIGIBLE", "OVERDUE"), 0, 20);
    assertThat(count("select count(*) from audit_event where operation = 'RESIDENT_SEARCH_HIT'")).isEqualTo(before + 2);
    assertThat(jdbc.queryForList("""
        select resident_id from audit_event where operation = 'RESIDENT_SEARCH_HIT' and username = 'staff1'
        order by id desc limit 2""", Long.class)).containsExactlyInAnyOrder(a, h);
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'RESIDENT_SEARCH_HIT' order by id desc limit 1",
        String.class)).isEqualTo("outreach age=0-6YEARS districts=" + d
            + " residentStatuses=REGISTERED vaccine=MR statuses=ELIGIBLE|OVERDUE");
  }

  @Test
  void badCriteriaGetAClearJapaneseErrorAndChangeNothing() throws Exception {
    // Nothing is searched or logged as viewed; each refusal itself is on the audit trail.
    long events = count("select count(*) from audit_event where operation <> 'REQUEST_REFUSED'");
    long refusals = count("select count(*) from audit_event where operation = 'REQUEST_REFUSED'");
    refuse(criteria(d).statuses("OVERDUE"), "$.fields.vaccine", "接種状況や接種区分で絞り込むには、ワクチンを選んでください");
    refuse(criteria(d).vaccine("SMALLPOX"), "$.fields.vaccine", "ワクチンを一覧から選んでください");
    refuse(criteria(d, "存在しない町"), "$.fields.districts", "登録されていない地区です：存在しない町");
    refuse(criteria(d).ages(7, 5), "$.fields.ageTo", "年齢の上限は下限以上にしてください");
    refuse(criteria(d).ages(0, 200), "$.fields.ageTo", "年齢は130歳までで入力してください");
    refuse(criteria(d).residentStatuses("ALIVE"), "$.fields.residentStatuses", "住民の状態の指定が正しくありません");
    refuse(criteria(d).ages(-1, 5), "$.fields['criteria.ageFrom']", "年齢は0以上で入力してください");
    mvc.perform(post("/api/outreach/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.criteria").value("検索条件がありません"));
    mvc.perform(post("/api/outreach/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"criteria\":{\"sex\":\"X\"}}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("リクエストの形式が正しくありません"));
    assertThat(count("select count(*) from audit_event where operation <> 'REQUEST_REFUSED'")).isEqualTo(events);
    assertThat(count("select count(*) from audit_event where operation = 'REQUEST_REFUSED'")).isEqualTo(refusals + 9);
  }

  @Test
  void onlyCaseWorkersSearchAndTheFormOffersVaccinesAndDistricts() throws Exception {
    for (String user : List.of("manager1", "auditor1", "admin1")) {
      mvc.perform(post("/api/outreach/search").with(users.as(user)).with(csrf())
          .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("criteria", criteria(d).map()))))
          .andExpect(status().isForbidden());
    }
    JsonNode options = json.readTree(mvc.perform(get("/api/outreach/options").with(users.as("staff2")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(options.path("vaccines").toString()).contains("{\"code\":\"MR\",\"name\":\"MR（麻しん風しん）\"}");
    List<String> districts = new ArrayList<>();
    options.path("districts").forEach(district -> districts.add(district.asText()));
    assertThat(districts).contains(d, d2, "本町");
    assertThat(options.path("maxExportRows").asInt()).isEqualTo(CohortExport.MAX_ROWS);
  }

  @Test
  void aCohortLargerThanOneExportOrPrintRunMayTakeIsRefusedWithWhatToNarrow() {
    Cohorts cohorts = context.getBean(Cohorts.class);
    assertThat(cohorts.all(criteria(d).toCriteria(), 5, "CSV出力")).hasSize(5);
    assertThatThrownBy(() -> cohorts.all(criteria(d).toCriteria(), 4, "CSV出力"))
        .isInstanceOfSatisfying(ApiException.class, refusal -> assertThat(refusal.getMessage())
            .isEqualTo("CSV出力は1回4件までです（該当 5件）。年齢や地区で絞り込んでください"));
    assertThatThrownBy(() -> cohorts.all(criteria(d).vaccine("MR").statuses("OVERDUE", "UPCOMING").toCriteria(), 2,
        "予診票の発行")).isInstanceOfSatisfying(ApiException.class, refusal -> assertThat(refusal.getMessage())
            .startsWith("予診票の発行は1回2件までです（該当 3件）"));
  }

  // ---- permissions ----

  @Test
  void R12_meListsEachUsersPermissionsSoThatTheUiOffersOnlyWhatTheyMayDo() throws Exception {
    mvc.perform(get("/api/me").with(users.as("staff1"))).andExpect(jsonPath("$.permissions").value(
        org.hamcrest.Matchers.contains("EXPORT", "PRINT")));
    mvc.perform(get("/api/me").with(users.as("staff2"))).andExpect(jsonPath("$.permissions").isEmpty());
    mvc.perform(get("/api/me").with(users.as("staff3"))).andExpect(jsonPath("$.permissions").value(
        org.hamcrest.Matchers.contains("PRINT")));
    UserDetails super1 = context.getBean(UserDetailsService.class).loadUserByUsername("super1");
    assertThat(super1.getAuthorities()).extracting(Object::toString)
        .containsExactlyInAnyOrder("SIGNED_IN", "ROLE_SUPERVISOR", "PERMISSION_EXPORT", "PERMISSION_PRINT",
            "PERMISSION_REVEAL_MY_NUMBER");
  }

  // ---- export ----

  @Test
  void R12_exportNeedsTheExportPermissionWhateverTheRoleAndTheRefusalIsAudited() throws Exception {
    long exports = count("select count(*) from audit_event where operation in ('COHORT_EXPORT', 'RESIDENT_EXPORT')");
    for (String user : List.of("staff2", "super2", "staff3")) {
      exportRequest(user, criteria(d), "UTF8_BOM").andExpect(status().isForbidden())
          .andExpect(jsonPath("$.error").value("permission_required"))
          .andExpect(jsonPath("$.message").value("「CSV出力」の権限がないため、この操作はできません。必要な場合はシステム管理者に権限の付与を依頼してください"));
      assertThat(jdbc.queryForMap("select username, detail from audit_event where operation = 'PERMISSION_REFUSED' order by id desc limit 1"))
          .containsEntry("username", user).containsEntry("detail", "permission=EXPORT operation=outreach.export");
    }
    assertThat(count("select count(*) from audit_event where operation in ('COHORT_EXPORT', 'RESIDENT_EXPORT')"))
        .isEqualTo(exports);
  }

  @Test
  void R12_R04_everyExportIsLoggedWithItsRowCountAndPerExportedResident() throws Exception {
    MockHttpServletResponse response = exportRequest("super1", criteria(d), "UTF8_BOM").andExpect(status().isOk())
        .andExpect(header().string(OutreachController.ROW_COUNT, "5")).andReturn().getResponse();
    assertThat(csv(response, StandardCharsets.UTF_8).split("\r\n")).hasSize(6);

    Map<String, Object> export = jdbc.queryForMap(
        "select username, detail from audit_event where operation = 'COHORT_EXPORT' order by id desc limit 1");
    assertThat(export).containsEntry("username", "super1");
    String detail = (String) export.get("detail");
    assertThat(detail).contains(" rows=5 ", "encoding=UTF8_BOM", "districts=" + d);
    String exportId = detail.substring(0, detail.indexOf(' '));
    assertThat(jdbc.queryForList("select resident_id from audit_event where operation = 'RESIDENT_EXPORT' and detail = ?",
        Long.class, exportId)).containsExactlyInAnyOrder(a, b, c, f, h);
  }

  @Test
  void R32_R12_exportsNeverContainTheMyNumberInAnyEncoding() throws Exception {
    MyNumber number = MyNumber.withCheckDigit(String.format("%011d", ThreadLocalRandom.current().nextLong(10_000_000_000L,
        99_999_999_999L)));
    fixtures.giveMyNumber(a, number);
    String digits = number.digits();
    for (String encoding : List.of("UTF8_BOM", "SHIFT_JIS")) {
      MockHttpServletResponse response = exportRequest("staff1", criteria(d).vaccine("MR"), encoding)
          .andExpect(status().isOk()).andReturn().getResponse();
      String text = csv(response, encoding.equals("UTF8_BOM") ? StandardCharsets.UTF_8 : WINDOWS_31J);
      assertThat(text).contains("相沢 陽翔").doesNotContain(digits, digits.substring(0, 4) + "-" + digits.substring(4, 8),
          number.masked(), "個人番号", "****");
      assertThat(new String(response.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(digits);
    }
    String searched = mvc.perform(post("/api/outreach/search").with(users.as("staff1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("criteria", criteria(d).map()))))
        .andReturn().getResponse().getContentAsString();
    assertThat(searched).contains("相沢 陽翔").doesNotContain(digits);
  }

  @Test
  void exportsUtf8WithAByteOrderMarkOrShiftJisAsChosen() throws Exception {
    MockHttpServletResponse utf8 = exportRequest("staff1", criteria(d).vaccine("MR"), "UTF8_BOM")
        .andExpect(status().isOk()).andReturn().getResponse();
    byte[] bytes = utf8.getContentAsByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(utf8.getContentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(utf8.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
    assertThat(utf8.getHeader("Cache-Control")).isEqualTo("no-store");
    String text = csv(utf8, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst()).hasValue(String.join(",", CohortExport.HEADER.stream().map(h -> "\"" + h + "\"").toList()));
    assertThat(text).contains("\"相沢 陽翔\",\"アイザワ ハルト\",\"" + JapaneseDates.format(birthDates.get(a)) + "\",\""
        + birthDates.get(a) + "\"", "\"MR（麻しん風しん）\",\"接種可\",\"2期\"", "\"" + d + "\"");

    MockHttpServletResponse sjis = exportRequest("staff1", criteria(d).vaccine("MR"), "SHIFT_JIS")
        .andExpect(status().isOk()).andExpect(header().string(OutreachController.REPLACED_CHARACTERS, "0"))
        .andReturn().getResponse();
    assertThat(sjis.getContentAsByteArray()[0]).isEqualTo((byte) '"');
    assertThat(sjis.getContentType()).isEqualTo("text/csv;charset=Windows-31J");
    assertThat(new String(sjis.getContentAsByteArray(), WINDOWS_31J)).isEqualTo(text);
  }

  @Test
  void exportRefusesBadInputAndAnEmptyCohortWithoutLoggingAnExport() throws Exception {
    long exports = count("select count(*) from audit_event where operation = 'COHORT_EXPORT'");
    exportRequest("staff1", criteria(d), null).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.encoding").value("文字コードを選んでください"));
    exportRequest("staff1", criteria(d), "EBCDIC").andExpect(status().isBadRequest());
    exportRequest("staff1", criteria(d).ages(20, 30), "UTF8_BOM").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("該当する住民がいないため、出力するものがありません"));
    assertThat(count("select count(*) from audit_event where operation = 'COHORT_EXPORT'")).isEqualTo(exports);
  }

  // ---- 予診票 ----

  @Test
  void R12_printingNeedsThePrintPermissionAndTheRefusalIsAudited() throws Exception {
    long sheets = count("select count(*) from questionnaire_issuance");
    issueRequest("staff2", criteria(d).vaccine("MR").statuses("ELIGIBLE")).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("「帳票印刷」の権限がないため、この操作はできません。必要な場合はシステム管理者に権限の付与を依頼してください"));
    assertThat(jdbc.queryForMap("select username, detail from audit_event where operation = 'PERMISSION_REFUSED' order by id desc limit 1"))
        .containsEntry("username", "staff2").containsEntry("detail", "permission=PRINT operation=outreach.questionnaires");
    assertThat(count("select count(*) from questionnaire_issuance")).isEqualTo(sheets);
  }

  @Test
  void R04_issuesMrPhaseTwoQuestionnairesOnePagePerResidentRecordedAndAuditedPerResident() throws Exception {
    MockHttpServletResponse response = issueRequest("staff3",
        criteria(d, d2).ages(5, 6).vaccine("MR").statuses("ELIGIBLE").doseCategory("2期"))
        .andExpect(status().isOk()).andExpect(header().string(OutreachController.ROW_COUNT, "2")).andReturn().getResponse();
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
    String batchId = response.getHeader(OutreachController.BATCH_ID);

    try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      String first = page(pdf, 1);
      assertThat(first).contains("相沢 陽翔　様", "アイザワ ハルト", "MR（麻しん風しん）", "2期",
          JapaneseDates.format(birthDates.get(a)) + "生", "埼玉県架空市" + d + "1丁目2番3号", "〒360-0899", "性別　男",
          fixtures.addresseeNumber(a));
      assertThat(first).doesNotContain("木村");
      assertThat(page(pdf, 2)).contains("木村 凛　様", "キムラ リン", JapaneseDates.format(birthDates.get(e)) + "生", "性別　女");
    }
    assertThat(jdbc.queryForList("""
        select resident_id, vaccine, dose_category, issued_by from questionnaire_issuance
        where batch_id = ?::uuid order by resident_id""", batchId)).containsExactly(
        Map.of("resident_id", a, "vaccine", "MR", "dose_category", "2期", "issued_by", "staff3"),
        Map.of("resident_id", e, "vaccine", "MR", "dose_category", "2期", "issued_by", "staff3"));
    assertThat(jdbc.queryForList("select resident_id from audit_event where operation = 'QUESTIONNAIRE_ISSUE' and detail = ?",
        Long.class, "batch=" + batchId + " vaccine=MR")).containsExactlyInAnyOrder(a, e);
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'QUESTIONNAIRE_BATCH' order by id desc limit 1",
        String.class)).startsWith("batch=" + batchId + " sheets=2 ");

    // The search shows who already has a sheet of the chosen vaccine.
    JsonNode page = search("staff3", criteria(d).ages(5, 6).vaccine("MR"), 0, 20);
    assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(a);
    assertThat(page.path("items").get(0).path("questionnaireIssuedAt").isTextual()).isTrue();
    assertThat(page.path("items").get(1).path("questionnaireIssuedAt").isNull()).isTrue();
  }

  @Test
  void questionnairesGoOnlyToResidentsDueForTheChosenVaccine() throws Exception {
    long sheets = count("select count(*) from questionnaire_issuance");
    issueRequest("staff1", criteria(d).ages(5, 6)).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.vaccine").value("ワクチンを選んでください"));
    issueRequest("staff1", criteria(d).vaccine("MR")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.statuses").exists());
    issueRequest("staff1", criteria(d).vaccine("MR").statuses("ELIGIBLE", "COMPLETED")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("予診票は、接種状況が「接種可」または「接種時期前」の方に発行します")));
    issueRequest("staff1", criteria(d).ages(20, 30).vaccine("MR").statuses("ELIGIBLE")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("該当する住民がいないため、予診票を発行できません"));
    assertThat(count("select count(*) from questionnaire_issuance")).isEqualTo(sheets);
  }

  @Test
  void withoutAJapaneseFontThePrintRunIsRefusedClearlyAndChangesNothing() {
    QuestionnaireIssuance withoutFont = new QuestionnaireIssuance(context.getBean(Cohorts.class),
        context.getBean(QuestionnaireRecords.class), context.getBean(QuestionnairePdf.class),
        new PrintFont(List.of(Path.of("/nowhere/ipaexg.ttf")), true), context.getBean(CurrentUser.class),
        context.getBean(AuditTrail.class), clock);
    long sheets = count("select count(*) from questionnaire_issuance");
    long events = count("select count(*) from audit_event");
    UserDetails staff1 = context.getBean(UserDetailsService.class).loadUserByUsername("staff1");
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(staff1, null, staff1.getAuthorities()));
    try {
      assertThatThrownBy(() -> withoutFont.issue(criteria(d).vaccine("MR").statuses("ELIGIBLE").toCriteria()))
          .isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refusal.getMessage()).isEqualTo(PrintFont.MISSING);
          });
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(count("select count(*) from questionnaire_issuance")).isEqualTo(sheets);
    assertThat(count("select count(*) from audit_event")).isEqualTo(events);
  }

  // ---- helpers ----

  /** A district name of its own for each test: no digits, so the whole 町名 is the district. */
  private static String newDistrict() {
    String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ";
    StringBuilder name = new StringBuilder("検証");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      name.append(letters.charAt(random.nextInt(letters.length())));
    }
    return name.append("町").toString();
  }

  private long resident(String district, String familyKanji, String givenKanji, String familyKana, String givenKana,
                        LocalDate birthDate, Sex sex, String status) {
    long id = fixtures.insert(new ResidentFixtures.Person(familyKanji, givenKanji, familyKana, givenKana, birthDate, sex,
        "360-0899", "埼玉県架空市" + district + "1丁目2番3号", status));
    birthDates.put(id, birthDate);
    return id;
  }

  private void dose(long residentId, String vaccine, String category, LocalDate date) {
    jdbc.update("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        select ?, ?, id, birth_date, sex, ? from resident where id = ?""", vaccine, category, date, residentId);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** The criteria as the UI sends them. */
  private static final class Criteria {
    private final Map<String, Object> values = new HashMap<>();

    Criteria(String... districts) {
      values.put("districts", List.of(districts));
    }

    Criteria ages(int from, int to) {
      values.put("ageFrom", from);
      values.put("ageTo", to);
      return this;
    }

    Criteria months(int from, int to) {
      values.put("ageUnit", "MONTHS");
      return ages(from, to);
    }

    Criteria sex(String sex) {
      values.put("sex", sex);
      return this;
    }

    Criteria residentStatuses(String... statuses) {
      values.put("residentStatuses", List.of(statuses));
      return this;
    }

    Criteria vaccine(String vaccine) {
      values.put("vaccine", vaccine);
      return this;
    }

    Criteria statuses(String... statuses) {
      values.put("statuses", List.of(statuses));
      return this;
    }

    Criteria doseCategory(String category) {
      values.put("doseCategory", category);
      return this;
    }

    Map<String, Object> map() {
      return values;
    }

    CohortCriteria toCriteria() {
      return new ObjectMapper().convertValue(values, CohortCriteria.class);
    }
  }

  private static Criteria criteria(String... districts) {
    return new Criteria(districts);
  }

  private String body(Object value) throws IOException {
    return json.writeValueAsString(value);
  }

  private JsonNode search(String user, Criteria criteria, int page, int size) throws Exception {
    return json.readTree(mvc.perform(post("/api/outreach/search").with(users.as(user)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(Map.of("criteria", criteria.map(), "page", page, "size", size))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private void refuse(Criteria criteria, String field, String message) throws Exception {
    mvc.perform(post("/api/outreach/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("criteria", criteria.map()))))
        .andExpect(status().isBadRequest()).andExpect(jsonPath(field).value(message));
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("items").forEach(row -> ids.add(row.path("id").asLong()));
    return ids;
  }

  private ResultActions exportRequest(String user, Criteria criteria, String encoding) throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("criteria", criteria.map());
    request.put("encoding", encoding);
    return mvc.perform(post("/api/outreach/export").with(users.as(user)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body(request)));
  }

  private ResultActions issueRequest(String user, Criteria criteria) throws Exception {
    return mvc.perform(post("/api/outreach/questionnaires").with(users.as(user)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("criteria", criteria.map()))));
  }

  /** The CSV's text without the UTF-8 byte order mark. */
  private static String csv(MockHttpServletResponse response, Charset charset) {
    String text = new String(response.getContentAsByteArray(), charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String page(PDDocument document, int number) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(number);
    stripper.setEndPage(number);
    return stripper.getText(document);
  }
}
