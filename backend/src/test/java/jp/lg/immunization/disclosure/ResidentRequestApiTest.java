package jp.lg.immunization.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The request's collected data and prints (R28, R04, R06, R12) and inquiry receipts (R29) through the API. */
@IntegrationTest
class ResidentRequestApiTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  private RequestFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new RequestFixtures(driver, context);
  }

  @Test
  void R28_theDisclosurePackageHoldsTheResidentsDosesAndWhoAccessedThemButNeverTheMyNumber() throws Exception {
    long residentId = fixtures.residentId();
    String addresseeNumber = fixtures.addresseeNumber(residentId);
    MyNumber number = MyNumber.withCheckDigit(String.format("6%010d", residentId));
    new ResidentFixtures(context).giveMyNumber(residentId, number);
    driver.perform("staff1", post("/api/doses"), Map.of("items", Map.of("addresseeNumber", addresseeNumber,
        "vaccine", "BCG", "doseCategory", "1回", "doseDate", LocalDate.of(2020, 11, 2).toString(), "lotNumber", "BCG42",
        "institutionId", "1110101", "doctorId", "D1010101"))).andExpect(status().isCreated());
    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("staff2"))).andExpect(status().isOk());

    ProcessInstance instance = driver.start("staff1", RequestFixtures.PROCESS,
        fixtures.intake("DISCLOSURE", addresseeNumber, RequestFixtures.today()));
    long id = fixtures.id(instance);
    mvc.perform(get("/api/resident-requests/" + id + "/package").with(users.as("staff1")))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value(containsString("本人確認の後")));
    fixtures.confirm(instance);

    String body = mvc.perform(get("/api/resident-requests/" + id + "/package").with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.resident.addresseeNumber").value(addresseeNumber))
        .andExpect(jsonPath("$.sections.doses[*].lotNumber", hasItem("BCG42")))
        .andExpect(jsonPath("$.sections.eligibility").isArray())
        .andExpect(jsonPath("$.accesses[*].operation", hasItem("RESIDENT_VIEW")))
        .andExpect(jsonPath("$.accesses[*].user", hasItem(containsString("鈴木"))))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).as("R06: no 個人番号 in the package").doesNotContain(number.digits())
        .doesNotContainIgnoringCase("myNumber");
    String stored = jdbc.queryForObject("select content::text from resident_request_package where request_id = ?",
        String.class, id);
    assertThat(stored).doesNotContain(number.digits()).doesNotContainIgnoringCase("myNumber");
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where resident_id = ? and username = 'staff2'
          and operation = 'RESIDENT_REQUEST_VIEW' and detail = ?""", Long.class, residentId, "request=" + id + " package"))
        .as("R04: the view is audited").isOne();

    byte[] pdf = mvc.perform(get("/api/resident-requests/" + id + "/package.pdf").with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
          .contains("保有個人情報の写し", "接種記録", "BCG42", "この記録を利用した職員と日時").doesNotContain(number.digits());
    }
    mvc.perform(get("/api/resident-requests/" + id + "/package.pdf").with(users.as("staff2")))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("permission_required"));
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where resident_id = ? and operation = 'RESIDENT_REQUEST_PRINT'""",
        Long.class, residentId)).as("R04, R12: the print is audited").isOne();
  }

  @Test
  void R28_anIntakeWithoutTheRepresentativesRelationOrFromTheFutureIsRefusedAndRecordsNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from resident_request", Long.class);
    Map<String, Object> values = fixtures.intake("DISCLOSURE", fixtures.addresseeNumber(fixtures.residentId()),
        RequestFixtures.today().plusDays(1));
    values.remove("requesterRelation");
    driver.startRequest("staff1", RequestFixtures.PROCESS, values).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.receivedOn").value("受付日が未来の日付です"))
        .andExpect(jsonPath("$.fields.requesterRelation").value(containsString("本人との関係")));
    values.put("addresseeNumber", "0000000000");
    driver.startRequest("staff1", RequestFixtures.PROCESS, values).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").exists());
    assertThat(jdbc.queryForObject("select count(*) from resident_request", Long.class)).isEqualTo(before);
  }

  @Test
  void R29_everyInquiryGetsAReceiptNumberedInOrderWithinItsFiscalYearEvenWhenRecordedAtOnce() throws Exception {
    JsonNode march = receipt(LocalDate.of(2024, 3, 31), false);
    JsonNode april = receipt(LocalDate.of(2024, 4, 1), false);
    assertThat(march.path("fiscalYear").asInt()).isEqualTo(2023);
    assertThat(april.path("fiscalYear").asInt()).isEqualTo(2024);
    assertThat(april.path("receiptNumber").asText()).startsWith("令和6年度 第");
    assertThat(april.path("handler").asText()).contains("佐藤");
    assertThat(april.path("dueOn").isNull()).isTrue();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> receipt(LocalDate.of(2024, 5, 1), false).path("number").asInt());
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<Integer> number : pool.invokeAll(calls)) {
        numbers.add(number.get());
      }
      int first = april.path("number").asInt();
      assertThat(numbers).as("no number twice, none skipped").containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(first + 1, first + 8).boxed().toList());
    } finally {
      pool.shutdown();
    }
    driver.perform("staff1", post("/api/inquiries"), Map.of("receivedOn", RequestFixtures.today().plusDays(1).toString(),
            "channel", "TELEPHONE", "category", "INQUIRY", "summary", "テスト"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.receivedOn").exists());
    driver.perform("staff1", post("/api/inquiries"), Map.of("receivedOn", RequestFixtures.today().toString(),
            "channel", "FAX", "category", "INQUIRY", "summary", " "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.summary").exists());
  }

  @Test
  void R29_aSeriousIncidentHasItsProcessingPeriodTrackedUntilItsClosingIsRecorded() throws Exception {
    LocalDate receivedOn = RequestFixtures.today().minusDays(20);
    JsonNode serious = receipt(receivedOn, true);
    long id = serious.path("id").asLong();
    assertThat(LocalDate.parse(serious.path("dueOn").asText())).as("14 days by default").isEqualTo(receivedOn.plusDays(14));
    assertThat(serious.path("overdue").asBoolean()).isTrue();
    JsonNode fresh = receipt(RequestFixtures.today(), true);
    assertThat(fresh.path("overdue").asBoolean()).isFalse();
    mvc.perform(get("/api/inquiries?openSerious=true").with(users.as("staff2"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + id + ")].overdue").value(true))
        .andExpect(jsonPath("$[*].serious", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));

    int version = serious.path("version").asInt();
    driver.perform("staff2", post("/api/inquiries/" + id + "/close"), Map.of("version", version,
            "closedOn", RequestFixtures.today().toString()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.outcome").exists());
    driver.perform("staff2", post("/api/inquiries/" + id + "/close"), Map.of("version", version,
            "closedOn", RequestFixtures.today().toString(), "outcome", "委託先に事実を確認し、漏えいのないことを回答した"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.overdue").value(false))
        .andExpect(jsonPath("$.closedBy").value(containsString("鈴木")));
    driver.perform("staff2", post("/api/inquiries/" + id + "/close"), Map.of("version", version + 1,
            "closedOn", RequestFixtures.today().toString(), "outcome", "二度目"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_closed"));
    mvc.perform(get("/api/inquiries?openSerious=true").with(users.as("staff2")))
        .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'INQUIRY_CLOSED' and detail = ?",
        Long.class, "inquiry=" + id)).isOne();
  }

  private JsonNode receipt(LocalDate receivedOn, boolean serious) throws Exception {
    String body = driver.perform("staff1", post("/api/inquiries"), Map.of("receivedOn", receivedOn.toString(),
            "channel", "TELEPHONE", "category", serious ? "COMPLAINT" : "INQUIRY",
            "summary", serious ? "個人情報が漏えいしたのではないかとの苦情（テスト）" : "接種記録の開示の方法について（テスト）",
            "serious", serious))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }
}
