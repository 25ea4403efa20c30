package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.OfficeCalendar;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The task list as staff use it through a day: every filter and order, the search by resident (each resident shown is
 * audited as a search hit), keyset paging in each order, saved filters of one's own and of the department, and the
 * due date every step gets at creation from its SLA target or the case's legal deadline, whichever is earlier.
 */
@IntegrationTest
class TaskListApiTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final String PROCESS = "ResidentDataRequest";
  private static final String FIRST_STEP = "CheckRequesterIdentity";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessDriver driver;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired OfficeCalendar calendar;

  private ResidentFixtures residents;
  private String kana;

  @BeforeEach
  void setUp() {
    residents = new ResidentFixtures(context);
    kana = "ケンサク" + randomKana();
  }

  @Test
  void searchByResidentFindsTheirStepsByKanaOrAddresseeNumberAndAuditsEveryResidentShown() throws Exception {
    long resident = resident(kana, "イチロウ");
    long other = resident(kana + "ベツ", "ジロウ");
    start(resident, today());
    start(resident, today());
    ProcessInstance third = start(other, today());

    JsonNode byName = list("staff1", Map.of("view", "all", "resident", kana + "イ"));
    assertThat(ids(byName)).containsExactlyElementsOf(openTaskOf(resident));
    assertThat(byName.at("/items/0/residentName").asText()).isEqualTo(kana + " イチロウ");
    assertThat(byName.at("/items/0/caseLabel").asText()).startsWith("開示・訂正・利用停止請求 #");

    JsonNode byNumber = list("staff1", Map.of("view", "all", "resident", residents.addresseeNumber(other)));
    assertThat(ids(byNumber)).containsExactly(driver.openTaskId(third, FIRST_STEP));

    assertThat(searchHits("staff1", resident)).isEqualTo(1);
    assertThat(searchHits("staff1", other)).isEqualTo(1);
    assertThat(list("staff1", Map.of("view", "all", "resident", kana + "ヲヲヲ")).path("items")).isEmpty();
  }

  @Test
  void everyFilterNarrowsTheListAndBadParametersAreRefusedWithTheFieldNamed() throws Exception {
    long resident = resident(kana, "サンゴ");
    ProcessInstance mine = start(resident, today());
    ProcessInstance group = start(resident, today());
    String mineTask = driver.claim("staff1", mine, FIRST_STEP);
    String groupTask = driver.openTaskId(group, FIRST_STEP);
    jdbc.update("update task_view set due_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(60)), groupTask);
    Map<String, String> ofResident = Map.of("view", "all", "resident", kana);

    assertThat(ids(list("staff1", with(ofResident, "view", "mine")))).containsExactly(mineTask);
    assertThat(ids(list("staff1", with(ofResident, "view", "group")))).containsExactly(groupTask);
    assertThat(ids(list("staff1", with(ofResident, "claimedBy", "staff1")))).containsExactly(mineTask);
    assertThat(ids(list("staff1", with(ofResident, "due", "overdue")))).containsExactly(groupTask);
    JsonNode overdue = list("staff1", with(ofResident, "due", "overdue"));
    assertThat(overdue.at("/items/0/dueState").asText()).isEqualTo("OVERDUE");
    assertThat(ids(list("staff1", with(ofResident, "processKey", PROCESS)))).hasSize(2);
    assertThat(ids(list("staff1", with(ofResident, "processKey", "InformationQuery")))).isEmpty();
    assertThat(ids(list("staff1", with(ofResident, "taskKey", FIRST_STEP)))).hasSize(2);
    assertThat(ids(list("staff1", with(ofResident, "group", "staff")))).hasSize(2);
    assertThat(ids(list("staff1", with(ofResident, "group", "supervisor")))).isEmpty();
    assertThat(ids(list("staff1", with(ofResident, "createdFrom", today().toString())))).hasSize(2);
    assertThat(ids(list("staff1", with(ofResident, "createdTo", today().minusDays(1).toString())))).isEmpty();
    assertThat(ids(list("staff1", with(ofResident, "dueTo", today().toString())))).containsExactly(groupTask);
    assertThat(ids(list("staff1", with(ofResident, "dueFrom", "令和99年1月1日")))).isEmpty();

    mvc.perform(get("/api/tasks").param("resident", kana).with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.resident").exists());
    mvc.perform(get("/api/tasks").param("size", "many").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.size").exists());
    mvc.perform(get("/api/tasks").param("due", "tomorrow").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.due").exists());
    mvc.perform(get("/api/tasks").param("createdFrom", "2026-13-40").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.createdFrom").exists());
    mvc.perform(get("/api/tasks").param("createdFrom", "2026-04-02").param("createdTo", "2026-04-01")
        .with(users.as("staff1"))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.createdTo").exists());
    mvc.perform(get("/api/tasks").param("processKey", "x' or 1=1 --").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.processKey").exists());
    mvc.perform(get("/api/tasks").param("assignee", "staff1").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.assignee").exists());
    mvc.perform(get("/api/tasks").param("sort", "due").param("cursor", "Q1JFQVRFRB90MTox").with(users.as("staff1")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_cursor"));
  }

  @Test
  void eachOrderIsKeysetPagedAndWalksEveryStepOnce() throws Exception {
    long resident = resident(kana, "ヨンロク");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      created.add(driver.openTaskId(start(resident, today()), FIRST_STEP));
    }
    // Due dates in the reverse order of creation, one step without.
    for (int i = 0; i < 3; i++) {
      jdbc.update("update task_view set due_at = ? where id = ?",
          Timestamp.from(Instant.now().plus(10 - i, ChronoUnit.DAYS)), created.get(i));
    }
    jdbc.update("update task_view set due_at = null where id = ?", created.get(3));
    Map<String, String> ofResident = Map.of("view", "all", "resident", kana);

    assertThat(walk(with(ofResident, "sort", "created"))).containsExactlyElementsOf(created);
    assertThat(walk(with(with(ofResident, "sort", "created"), "direction", "desc")))
        .containsExactly(created.get(3), created.get(2), created.get(1), created.get(0));
    assertThat(walk(with(ofResident, "sort", "due")))
        .containsExactly(created.get(2), created.get(1), created.get(0), created.get(3));
    assertThat(walk(with(with(ofResident, "sort", "due"), "direction", "desc")))
        .containsExactly(created.get(3), created.get(0), created.get(1), created.get(2));
    assertThat(walk(with(ofResident, "sort", "process"))).containsExactlyElementsOf(created);
  }

  @Test
  void savedFiltersAreTheUsersOwnOrSharedWithTheDepartmentBySupervisors() throws Exception {
    String name = "今日期限" + randomKana();
    JsonNode own = saveFilter("staff1", Map.of("name", name, "criteria", Map.of("view", "all", "due", "soon")))
        .andExpect(status().isCreated()).andReturnJson();
    assertThat(filterNames("staff1")).contains(name);
    assertThat(filterNames("staff2")).doesNotContain(name);
    saveFilter("staff1", Map.of("name", name, "criteria", Map.of("view", "mine"))).andExpect(status().isConflict());

    String shared = "差戻し" + randomKana();
    saveFilter("staff1", Map.of("name", shared, "shared", true, "criteria", Map.of("view", "group")))
        .andExpect(status().isForbidden());
    JsonNode sharedFilter = saveFilter("super1", Map.of("name", shared, "shared", true,
        "criteria", Map.of("view", "group", "taskKey", "DecideRequest"))).andExpect(status().isCreated()).andReturnJson();
    assertThat(filterNames("staff2")).contains(shared); // same department as super1
    assertThat(filterNames("staff3")).doesNotContain(shared); // another department

    saveFilter("staff1", Map.of("name", "住民", "criteria", Map.of("resident", kana)))
        .andExpect(status().isBadRequest()).andExpectField("resident");
    saveFilter("staff1", Map.of("name", "変", "criteria", Map.of("sort", "name")))
        .andExpect(status().isBadRequest()).andExpectField("sort");
    saveFilter("staff1", Map.of("name", "", "criteria", Map.of())).andExpect(status().isBadRequest())
        .andExpectField("name");

    mvc.perform(delete("/api/tasks/filters/" + sharedFilter.path("id").asLong()).with(users.as("staff2"))
        .with(csrf())).andExpect(status().isNotFound());
    mvc.perform(delete("/api/tasks/filters/" + own.path("id").asLong()).with(users.as("staff1")).with(csrf()))
        .andExpect(status().isNoContent());
    mvc.perform(delete("/api/tasks/filters/" + sharedFilter.path("id").asLong()).with(users.as("super1"))
        .with(csrf())).andExpect(status().isNoContent());
    assertThat(filterNames("staff1")).doesNotContain(name, shared);
  }

  @Test
  void everyStepIsDueByItsSlaTargetInBusinessDaysOrTheLegalDeadlineWhicheverIsEarlier() throws Exception {
    long resident = resident(kana, "キゲン");
    ProcessInstance onTime = start(resident, today());
    Instant bySla = businessDaysAfter(today(), 5);
    assertThat(due(driver.openTaskId(onTime, FIRST_STEP))).isEqualTo(bySla);

    // Received 29 days ago: the decision is due tomorrow (R28), before the step's five business days.
    ProcessInstance late = start(resident, today().minusDays(29));
    Instant legal = today().plusDays(2).atStartOfDay(JAPAN).minusMinutes(1).toInstant();
    assertThat(due(driver.openTaskId(late, FIRST_STEP))).isEqualTo(legal);

    try {
      setTarget(1);
      ProcessInstance after = start(resident, today());
      assertThat(due(driver.openTaskId(after, FIRST_STEP))).as("a changed target applies to new steps")
          .isEqualTo(businessDaysAfter(today(), 1));
      assertThat(due(driver.openTaskId(onTime, FIRST_STEP))).as("and leaves the open ones").isEqualTo(bySla);
    } finally {
      setTarget(null);
    }
    JsonNode counts = json.readTree(mvc.perform(get("/api/tasks/counts").with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(counts.path("dueSoon").asLong()).isPositive();
  }

  @Test
  void aResidentsNameIsMaskedToTheFirstLetters() {
    assertThat(TaskInbox.masked("ヤマダ タロウ")).isEqualTo("ヤ＊＊ タ＊＊");
  }

  private Instant businessDaysAfter(LocalDate from, int days) {
    LocalDate day = from;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (calendar.isBusinessDay(day)) {
        counted++;
      }
    }
    return day.atTime(calendar.closesAt()).atZone(JAPAN).toInstant();
  }

  private void setTarget(Integer businessDays) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("scope", "TASK", "key", FIRST_STEP));
    body.put("businessDays", businessDays);
    driver.perform("manager1", put("/api/kpi/sla"), body).andExpect(status().isOk());
  }

  private Instant due(String taskId) {
    return jdbc.queryForObject("select due_at from task_view where id = ?", Timestamp.class, taskId).toInstant();
  }

  private List<String> walk(Map<String, String> parameters) throws Exception {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> page = with(parameters, "size", "1");
      if (cursor != null) {
        page = with(page, "cursor", cursor);
      }
      JsonNode answer = list("staff1", page);
      seen.addAll(ids(answer));
      cursor = answer.path("nextCursor").isNull() || answer.path("nextCursor").isMissingNode()
          ? null : answer.path("nextCursor").asText();
    } while (cursor != null);
    return seen;
  }

  /** By GET with its parameters in the URL, or by POST to /search when it names a resident (no name in a URL). */
  private JsonNode list(String username, Map<String, String> parameters) throws Exception {
    if (parameters.containsKey("resident")) {
      return json.readTree(driver.perform(username, post("/api/tasks/search"), parameters).andExpect(status().isOk())
          .andReturn().getResponse().getContentAsString());
    }
    MockHttpServletRequestBuilder request = get("/api/tasks").with(users.as(username));
    parameters.forEach(request::param);
    return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static Map<String, String> with(Map<String, String> parameters, String key, String value) {
    Map<String, String> more = new HashMap<>(parameters);
    more.put(key, value);
    return more;
  }

  private List<String> openTaskOf(long residentId) {
    return jdbc.queryForList("select id from task_view where resident_id = ? and status = 'OPEN' order by created_at, id",
        String.class, residentId);
  }

  private long searchHits(String username, long residentId) {
    return jdbc.queryForObject("""
        select count(*) from audit_event where username = ? and operation = 'RESIDENT_SEARCH_HIT' and resident_id = ?
          and detail = 'criteria=task-list'""", Long.class, username, residentId);
  }

  private List<String> filterNames(String username) throws Exception {
    List<String> names = new ArrayList<>();
    json.readTree(mvc.perform(get("/api/tasks/filters").with(users.as(username))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString()).forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }

  private Answer saveFilter(String username, Map<String, Object> body) throws Exception {
    return new Answer(driver.perform(username, post("/api/tasks/filters"), body));
  }

  /** A response and the checks these tests make of it, read in one line each. */
  private final class Answer {
    private final org.springframework.test.web.servlet.ResultActions actions;

    Answer(org.springframework.test.web.servlet.ResultActions actions) {
      this.actions = actions;
    }

    Answer andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
      actions.andExpect(matcher);
      return this;
    }

    Answer andExpectField(String field) throws Exception {
      actions.andExpect(jsonPath("$.fields." + field).exists());
      return this;
    }

    JsonNode andReturnJson() throws Exception {
      return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }
  }

  private long resident(String familyKana, String givenKana) {
    return residents.insert(new ResidentFixtures.Person("検索", "太郎", familyKana, givenKana, LocalDate.of(2019, 6, 1),
        Sex.MALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
  }

  private ProcessInstance start(long residentId, LocalDate receivedOn) throws Exception {
    return driver.start("staff1", PROCESS, Map.of("kind", "DISCLOSURE", "addresseeNumber",
        residents.addresseeNumber(residentId), "requesterType", "SELF", "requesterName", "本人（テスト）",
        "requesterRelation", "本人", "requestText", "接種記録の開示（テスト）", "receivedOn", receivedOn.toString()));
  }

  private static LocalDate today() {
    return LocalDate.now(JAPAN);
  }

  private static String randomKana() {
    String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      text.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return text.toString();
  }
}
