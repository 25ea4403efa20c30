package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.LegalDates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The 長期療養特例 through the API staff use: recorded, refused to its recorder, approved by another supervisor, and
 * then honoured by the case page's forecast, the outreach search and dose validation (a dose after the routine window
 * is no longer flagged E034 while the extension runs); the list, the case and bad input.
 */
@IntegrationTest
class IllnessExceptionApiTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  private IllnessFixtures fixtures;
  private long residentId;

  @BeforeEach
  void setUp() {
    fixtures = new IllnessFixtures(driver, context);
    residentId = fixtures.residentId();
  }

  @Test
  void anApprovedCaseMakesAPassedWindowEligibleAndADoseInItRoutine() throws Exception {
    caseMr("OVERDUE");
    assertThat(eligibleInOutreach()).doesNotContain(residentId);
    registerMr(false).andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.fields.doseDate", containsString("E034")))
        .andExpect(jsonPath("$.fields.doseDate", containsString("接種期間外")));

    ProcessInstance instance = driver.start("staff1", IllnessFixtures.PROCESS,
        fixtures.recording(fixtures.addresseeNumber(residentId), List.of("MR")));
    String approval = driver.openTaskId(instance, "ApproveLongTermIllnessException");
    // Recorded, not yet approved: nothing changes for eligibility.
    caseMr("OVERDUE");
    mvc.perform(post("/api/tasks/" + approval + "/claim").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isForbidden());
    driver.complete("super2", instance, "ApproveLongTermIllnessException", Map.of("approval", "APPROVE"));

    LocalDate until = LegalDates.monthsReachedOn(IllnessFixtures.illnessEnded(), 24);
    caseMr("ELIGIBLE").andExpect(jsonPath("$.eligibility[?(@.vaccineCode == 'MR')].eligibleUntil")
        .value(until.toString()))
        .andExpect(jsonPath("$.eligibility[?(@.vaccineCode == 'MR')].reason").value(
            org.hamcrest.Matchers.contains(containsString("長期療養特例"))));
    assertThat(eligibleInOutreach()).contains(residentId);
    registerMr(false).andExpect(status().isCreated());
    assertThat(jdbc.queryForObject("select error_code from dose_record where resident_id = ?", String.class,
        residentId)).isNull();
  }

  @Test
  void theListAndTheCaseShowTheStatusAndEachVaccinesLastDayAndAreAudited() throws Exception {
    ProcessInstance instance = fixtures.start(residentId);
    long id = fixtures.id(instance);
    long audits = audits();

    mvc.perform(get("/api/long-term-illness").param("residentId", String.valueOf(residentId))
            .with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(id))
        .andExpect(jsonPath("$[0].status").value("AWAITING_APPROVAL"))
        .andExpect(jsonPath("$[0].statusLabel").value("上長の承認待ち"))
        .andExpect(jsonPath("$[0].vaccines[*].vaccineCode").value(org.hamcrest.Matchers.containsInAnyOrder("MR", "BCG")));
    mvc.perform(get("/api/long-term-illness/" + id).with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.statementKindLabel").value("医師の意見書"))
        .andExpect(jsonPath("$.illnessTo").value(IllnessFixtures.illnessEnded().toString()))
        .andExpect(jsonPath("$.timeline[0].kind").value("RECORDED"));
    assertThat(audits()).isEqualTo(audits + 2);
    mvc.perform(get("/api/long-term-illness").with(users.as("manager1"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/long-term-illness/999999999").with(users.as("staff2"))).andExpect(status().isNotFound());
  }

  @Test
  void badInputIsRefusedByFieldAndNothingIsRecorded() throws Exception {
    Map<String, Object> future = fixtures.recording(fixtures.addresseeNumber(residentId), List.of("MR"));
    future.put("illnessTo", IllnessFixtures.today().plusDays(3).toString());
    driver.startRequest("staff1", IllnessFixtures.PROCESS, future).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.illnessTo", containsString("未来")));

    Map<String, Object> backwards = fixtures.recording(fixtures.addresseeNumber(residentId), List.of("MR"));
    backwards.put("illnessFrom", IllnessFixtures.illnessEnded().plusDays(1).toString());
    driver.startRequest("staff1", IllnessFixtures.PROCESS, backwards).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.illnessTo").exists());

    Map<String, Object> elderly = fixtures.recording(fixtures.addresseeNumber(residentId), List.of("INFLUENZA_ELDERLY"));
    driver.startRequest("staff1", IllnessFixtures.PROCESS, elderly).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.vaccineCodes").exists());

    assertThat(jdbc.queryForObject("select count(*) from illness_exception where resident_id = ?", Long.class,
        residentId)).isZero();
  }

  /** The residents of the test district whom the outreach search finds ELIGIBLE for MR today. */
  private List<Long> eligibleInOutreach() throws Exception {
    Map<String, Object> criteria = Map.of("ageUnit", "YEARS", "ageFrom", 3, "ageTo", 3,
        "districts", List.of(IllnessFixtures.DISTRICT), "vaccine", "MR", "statuses", List.of("ELIGIBLE"));
    String body = driver.perform("staff1", post("/api/outreach/search"), Map.of("criteria", criteria))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Long> ids = new ArrayList<>();
    json.readTree(body).path("items").forEach(item -> ids.add(item.path("id").asLong()));
    return ids;
  }

  private ResultActions caseMr(String status) throws Exception {
    return mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("staff1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.eligibility[?(@.vaccineCode == 'MR')].status").value(
            org.hamcrest.Matchers.contains(status)));
  }

  private ResultActions registerMr(boolean confirm) throws Exception {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("addresseeNumber", fixtures.addresseeNumber(residentId));
    items.put("vaccine", "MR");
    items.put("doseCategory", "1期");
    items.put("lotNumber", "MR2025A");
    items.put("doseVolumeMl", "0.5");
    items.put("institutionId", "1110101");
    items.put("doctorId", "D1010101");
    items.put("placeId", "P01");
    items.put("doseDate", IllnessFixtures.today().minusDays(1).toString());
    return mvc.perform(post("/api/doses").with(users.as("staff1")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("items", items, "confirmWarnings", confirm))));
  }

  private long audits() {
    return jdbc.queryForObject("select count(*) from audit_event where operation = 'ILLNESS_EXCEPTION_VIEW'"
        + " and resident_id = ?", Long.class, residentId);
  }
}
