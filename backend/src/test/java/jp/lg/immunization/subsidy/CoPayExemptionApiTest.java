package jp.lg.immunization.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The co-pay exemption API: what staff see, who may see it at all, and bad input that changes nothing. */
@IntegrationTest
class CoPayExemptionApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessDriver driver;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CityLinkageSimulator linkage;

  private ExemptionFixtures fixtures;

  @BeforeEach
  void setUp() {
    linkage.reset();
    fixtures = new ExemptionFixtures(driver, jdbc, linkage);
  }

  @AfterEach
  void tearDown() {
    linkage.reset();
  }

  @Test
  void R26_staffSeeTheRecordedMatchTheDecisionAndTheNoticeOnTheCaseAsAnAuditedView() throws Exception {
    String addresseeNumber = fixtures.residentEndingIn('2');
    ProcessInstance instance = fixtures.startAndMatch(addresseeNumber, "INFLUENZA_ELDERLY");
    long id = Long.parseLong(instance.getBusinessKey());
    long residentId = jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class, addresseeNumber);
    long viewsBefore = caseViewsOf(residentId);

    mvc.perform(get("/api/copay-exemptions/" + id).with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("決定通知済み"))
        .andExpect(jsonPath("$.channel").value("窓口"))
        .andExpect(jsonPath("$.vaccine").value("高齢者インフルエンザ"))
        .andExpect(jsonPath("$.fiscalYear").value(org.hamcrest.Matchers.matchesPattern("令和\\d+年度")))
        .andExpect(jsonPath("$.resident.addresseeNumber").value(addresseeNumber))
        .andExpect(jsonPath("$.matches[0].source").value("庁内連携（住民税課税台帳・生活保護台帳）"))
        .andExpect(jsonPath("$.matches[0].localTaxStatus").value("住民税非課税世帯"))
        .andExpect(jsonPath("$.matches[0].assistanceStatus").value("受給なし"))
        .andExpect(jsonPath("$.matches[0].outcomeCode").value("EXEMPT"))
        .andExpect(jsonPath("$.matches[0].checkedBy").value("システム（自動判定）"))
        .andExpect(jsonPath("$.decision.decision").value("免除"))
        .andExpect(jsonPath("$.decision.coPayYen").value(0))
        .andExpect(jsonPath("$.notice.number").value(org.hamcrest.Matchers.startsWith("自負免第")));
    assertThat(caseViewsOf(residentId)).isEqualTo(viewsBefore + 1);

    String list = mvc.perform(get("/api/copay-exemptions").with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    JsonNode row = StreamSupport.stream(json.readTree(list).spliterator(), false)
        .filter(node -> node.path("id").asLong() == id).findFirst().orElseThrow();
    assertThat(row.path("decision").asText()).isEqualTo("免除");
    String name = jdbc.queryForObject("select family_name_kanji from resident where id = ?", String.class, residentId);
    assertThat(list).as("the list holds no personal data").doesNotContain(addresseeNumber, name);

    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.copayExemptions[0].id").value(id))
        .andExpect(jsonPath("$.copayExemptions[0].decision").value("免除"));
  }

  @Test
  void theCatalogueOffersTheCounterApplicationAndTheApprovalQueueListsAStaffExemption() throws Exception {
    mvc.perform(get("/api/processes").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.key == 'CoPayExemption')].name").value(hasItem("自己負担金免除申請")))
        .andExpect(jsonPath("$[?(@.key == 'CoPayExemption')].startForm.id").value(hasItem("StartCoPayExemption")));

    ProcessInstance instance = fixtures.startAndMatch(fixtures.residentEndingIn('3'), "INFLUENZA_ELDERLY");
    driver.complete("staff1", instance, "DecideExemption", Map.of("decision", "EXEMPT",
        "exemptionGround", "RESIDENT_TAX_EXEMPT", "evidence", "TAX_CERTIFICATE", "reason", "非課税証明書で確認"));

    mvc.perform(get("/api/approvals").param("size", "50").with(users.as("super1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].task.caseLabel").value(hasItem("自己負担金免除申請 #" + instance.getBusinessKey())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"manager1", "auditor1", "admin1"})
  void onlyStaffAndSupervisorsReachApplications(String username) throws Exception {
    long id = Long.parseLong(fixtures.startAtCounter(fixtures.residentEndingIn('5'), "COVID").getBusinessKey());

    mvc.perform(get("/api/copay-exemptions").with(users.as(username))).andExpect(status().isForbidden());
    mvc.perform(get("/api/copay-exemptions/" + id).with(users.as(username))).andExpect(status().isForbidden());
    driver.perform(username, post("/api/copay-exemptions/" + id + "/withdrawal"), Map.of("version", 0, "reason", "取下げ"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("この操作を行う権限がありません"));
    assertThat(statusOf(id)).isEqualTo("MATCHING");
  }

  @Test
  void signedOutRequestsAndStaffAtTheSimulatorsAreRefused() throws Exception {
    mvc.perform(get("/api/copay-exemptions")).andExpect(status().isUnauthorized());
    driver.perform("staff1", post("/api/admin/simulators/pittari-service/applications"),
            Map.of("addresseeNumber", fixtures.residentEndingIn('1'), "vaccine", "COVID"))
        .andExpect(status().isForbidden());
    driver.perform("staff1", post("/api/admin/simulators/city-linkage/failures"), Map.of("count", 3))
        .andExpect(status().isForbidden());
  }

  @Test
  void aWithdrawalWithBadInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
    long id = Long.parseLong(fixtures.startAtCounter(fixtures.residentEndingIn('6'), "INFLUENZA_ELDERLY").getBusinessKey());
    String path = "/api/copay-exemptions/" + id + "/withdrawal";

    driver.perform("staff1", post(path), Map.of("version", 0))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").value("取下げの理由を入力してください"));
    driver.perform("staff1", post(path), Map.of("version", 0, "reason", "  "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    driver.perform("staff1", post(path), Map.of("version", 0, "reason", "あ".repeat(501)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").value("取下げの理由は500文字以内で入力してください"));
    driver.perform("staff1", post(path), Map.of("reason", "取下げ"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.version").exists());
    mvc.perform(post(path).with(users.as("staff1")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{oops"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed_request"));
    driver.perform("staff1", post("/api/copay-exemptions/999999999/withdrawal"), Map.of("version", 0, "reason", "取下げ"))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("免除申請が見つかりません"));
    mvc.perform(get("/api/copay-exemptions/abc").with(users.as("staff1"))).andExpect(status().isBadRequest());

    assertThat(statusOf(id)).isEqualTo("MATCHING");
    assertThat(jdbc.queryForObject("select closing_reason from copay_exemption where id = ?", String.class, id)).isNull();
  }

  @Test
  void theSimulatorsRefuseBadInputWithAClearMessage() throws Exception {
    driver.perform("admin1", post("/api/admin/simulators/pittari-service/applications"),
            Map.of("addresseeNumber", "12ab", "vaccine", "COVID"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.addresseeNumber").value("宛名番号は10桁の数字です"));
    driver.perform("admin1", post("/api/admin/simulators/pittari-service/applications"),
            Map.of("addresseeNumber", "0000000000", "vaccine", "COVID"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value("この宛名番号の住民は登録されていません"));
    driver.perform("admin1", post("/api/admin/simulators/pittari-service/applications"),
            Map.of("addresseeNumber", fixtures.residentEndingIn('1')))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.vaccine").value("予防接種を選んでください"));
    driver.perform("admin1", post("/api/admin/simulators/city-linkage/failures"), Map.of("count", 11))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.count").value("10以下で指定してください"));
  }

  private long caseViewsOf(long residentId) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = 'CASE_VIEW' and resident_id = ?",
        Long.class, residentId);
  }

  private String statusOf(long id) {
    return jdbc.queryForObject("select status from copay_exemption where id = ?", String.class, id);
  }
}
