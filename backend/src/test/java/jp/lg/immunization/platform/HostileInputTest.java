package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile input never gets a 500 (DESIGN rule 8, issue 15): walks every operation of the OpenAPI description, as a
 * user whose role reaches it, with generated bad input — ids of no object, path traversal, wrong types,
 * missing and undeclared fields, huge strings and numbers, broken JSON, invalid UTF-8 and Shift_JIS, file names with
 * path traversal — and expects every answer below 500, every refusal the usual JSON error, no row of any table changed
 * by an operation that refused every request (the audit trail aside, which records the refusals), and the audit chain
 * intact.
 */
@IntegrationTest
class HostileInputTest {

  private static final String HUGE = "あ".repeat(20_000);
  /** An id of no object (other users' real ones: the second test), one too large for any id, and path traversal. */
  private static final List<String> PATH_VALUES = List.of("1", "99999999999999999999", "..%2F..%2Fetc", "%00ｱ");
  private static final byte[] INVALID_UTF8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"',
      '}'};
  private static final byte[] INVALID_SHIFT_JIS = {(byte) 0x81, (byte) 0x39, (byte) 0xFF, (byte) 0xFE, ',', '\r', '\n'};

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;

  private final List<String> failures = new ArrayList<>();
  private int sent;
  /** Whether the operation being attacked accepted one of the requests (a GET may write too, e.g. a verification run). */
  private boolean accepted;
  private String countRows;

  @Test
  void R04_everyOperationOfTheApiAnswersHostileInputWithoutA500AndWithTheUsualJsonError() throws Exception {
    JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (skipped(path.getKey(), method.getKey())) {
          continue;
        }
        operations++;
        Map<String, Long> before = rowCounts();
        accepted = false;
        attack(path.getKey(), HttpMethod.valueOf(method.getKey().toUpperCase()), method.getValue(), api);
        if (!accepted) {
          Map<String, Long> after = rowCounts();
          before.forEach((table, rows) -> {
            if (!rows.equals(after.get(table))) {
              failures.add(method.getKey() + " " + path.getKey() + " refused everything but changed " + table + ": "
                  + rows + " -> " + after.get(table) + " rows");
            }
          });
        }
      }
    }
    assertThat(operations).as("operations walked").isGreaterThan(100);
    assertThat(failures).as(failures.size() + " of " + sent + " hostile requests failed").isEmpty();
    JsonNode verification = json.readTree(mvc.perform(get("/api/audit/verify").with(users.as("auditor1")))
        .andReturn().getResponse().getContentAsString());
    assertThat(verification.path("intact").asBoolean()).as("the audit chain after the attack").isTrue();
  }

  /**
   * Ids of other users' objects and other cases (issue 15), real ones made for the test: staff1 at staff2's private
   * saved filter, staff2's absence, the step staff2 holds (claim, give back, complete, claim-and-complete, assign,
   * approve) and staff2's case under another process's key. Every operation of the OpenAPI description that takes such an id is sent; each answer
   * is a refusal (403, 404 or 409) with the usual JSON error, no row of any table changes (the audit trail records the
   * refusals), and each object is as staff2 left it.
   */
  @Test
  void R04_R06_idsOfOtherUsersObjectsAndOtherCasesAreRefusedAndChangeNothing() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    long filter = idOf(post("staff2", "/api/tasks/filters", Map.of("name", "他人の条件" + System.nanoTime(),
        "criteria", Map.of())));
    long absence = idOf(post("staff2", "/api/tasks/absences", Map.of("startsOn", today.plusDays(40).toString(),
        "endsOn", today.plusDays(41).toString())));
    ProcessInstance request = residentDataRequestOf("staff2", today);
    String step = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
    driver.claim("staff2", request, engine.getTaskService().createTaskQuery().taskId(step).singleResult()
        .getTaskDefinitionKey());
    Map<String, String> otherUsersIds = Map.of(
        "/api/tasks/filters/{id}", "/api/tasks/filters/" + filter,
        "/api/tasks/absences/{id}", "/api/tasks/absences/" + absence,
        "/api/tasks/{id}/claim", "/api/tasks/" + step + "/claim",
        "/api/tasks/{id}/unclaim", "/api/tasks/" + step + "/unclaim",
        "/api/tasks/{id}/complete", "/api/tasks/" + step + "/complete",
        "/api/tasks/{id}/claim-and-complete", "/api/tasks/" + step + "/claim-and-complete",
        "/api/tasks/{id}/assign", "/api/tasks/" + step + "/assign",
        "/api/approvals/{taskId}", "/api/approvals/" + step);
    String otherCase = "/api/processes/ReliefClaim/cases/" + request.getBusinessKey();

    JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    Map<String, Long> before = rowCounts();
    List<String> sentTo = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String template = path.getKey();
      String target = template.startsWith("/api/processes/{processKey}/cases/{caseId}")
          ? otherCase + template.substring("/api/processes/{processKey}/cases/{caseId}".length())
          : otherUsersIds.get(template);
      if (target == null) {
        continue;
      }
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        HttpMethod method = HttpMethod.valueOf(methods.next().toUpperCase());
        MockHttpServletRequestBuilder attempt = request(method, target).with(users.as("staff1")).with(csrf());
        if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
          attempt.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
              Map.of("values", Map.of(), "username", "staff1", "body", "他人の案件へのメモ", "decision", "APPROVE")));
        }
        MockHttpServletResponse response = mvc.perform(attempt).andReturn().getResponse();
        sentTo.add(method + " " + target);
        if (!List.of(403, 404, 409).contains(response.getStatus()) || !isApiError(response)) {
          failures.add("staff1 " + method + " " + target + " -> " + response.getStatus() + " "
              + response.getContentAsString(StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(sentTo).as("operations sent with other users' ids").hasSizeGreaterThanOrEqualTo(10);
    assertThat(failures).as("answers other than a refusal").isEmpty();
    assertThat(rowCounts()).as("rows after the attempts").isEqualTo(before);
    assertThat(jdbc.queryForObject("select owner from task_saved_filter where id = ?", String.class, filter))
        .isEqualTo("staff2");
    assertThat(jdbc.queryForObject("select username from task_absence where id = ?", String.class, absence))
        .isEqualTo("staff2");
    assertThat(engine.getTaskService().createTaskQuery().taskId(step).singleResult().getAssignee())
        .isEqualTo("staff2");
  }

  private ProcessInstance residentDataRequestOf(String username, LocalDate today) throws Exception {
    ResidentFixtures residents = new ResidentFixtures(context);
    long resident = residents.insert(new ResidentFixtures.Person("他人", "花子", "タニン", "ハナコ",
        LocalDate.of(2018, 3, 3), Sex.FEMALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
    return driver.start(username, "ResidentDataRequest", Map.of("kind", "DISCLOSURE", "addresseeNumber",
        residents.addresseeNumber(resident), "requesterType", "SELF", "requesterName", "本人（テスト）",
        "requesterRelation", "本人", "requestText", "接種記録の開示（テスト）", "receivedOn", today.toString()));
  }

  private MockHttpServletResponse post(String user, String path, Object body) throws Exception {
    MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path).with(users.as(user)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
    assertThat(response.getStatus()).as(path + " " + response.getContentAsString(StandardCharsets.UTF_8)).isLessThan(300);
    return response;
  }

  private long idOf(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("id").asLong();
  }

  /**
   * The rows of every table but the audit trail (where refusals go) and the scheduled jobs' cluster locks (a nightly or
   * periodic job may take its first lock during the walk): an operation that refused every request must leave them all
   * as they were (no partial write). One statement, so that the walk stays fast.
   */
  private Map<String, Long> rowCounts() {
    if (countRows == null) {
      countRows = String.join(" union all ", jdbc.queryForList("select tablename from pg_tables"
          + " where schemaname = 'public' and tablename not in ('audit_event', 'shedlock') order by tablename",
          String.class).stream()
          .map(table -> "select '" + table + "', count(*) from " + table).toList());
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(countRows, row -> {
      counts.put(row.getString(1), row.getLong(2));
    });
    return counts;
  }

  /** Logging out ends nothing worth fuzzing; the login form is fuzzed by the throttle's own tests. */
  private static boolean skipped(String path, String method) {
    return path.startsWith("/api/auth/logout") || path.equals("/api/auth/login");
  }

  private void attack(String template, HttpMethod method, JsonNode operation, JsonNode api) throws Exception {
    // Every hostile body at an id that may exist; the hostile ids with a body that is merely empty.
    Set<String> paths = new LinkedHashSet<>();
    for (String value : PATH_VALUES) {
      paths.add(template.replaceAll("\\{[^}]+}", value));
    }
    JsonNode body = operation.path("requestBody").path("content");
    String user = userFor(template);
    boolean first = true;
    for (String path : paths) {
      if (body.has("multipart/form-data")) {
        send(user, method, path, first ? multipartRequests(path) : multipartRequests(path).subList(0, 1));
      } else if (body.isMissingNode() || body.isEmpty()) {
        send(user, method, path, List.of(withHostileQuery(request(method, path), operation)));
      } else {
        send(user, method, path, first ? jsonRequests(method, path, schemaOf(body, api))
            : List.of(request(method, path).contentType(MediaType.APPLICATION_JSON).content("{}")));
      }
      first = false;
    }
  }

  /** A user whose role reaches the operation, so that the input itself is what gets examined. */
  private static String userFor(String path) {
    return path.startsWith("/api/audit") ? "auditor1" : path.startsWith("/api/admin") ? "admin1"
        : path.startsWith("/api/kpi") ? "manager1" : "super1";
  }

  private List<MockHttpServletRequestBuilder> jsonRequests(HttpMethod method, String path, JsonNode schema)
      throws Exception {
    List<byte[]> bodies = new ArrayList<>(List.of("{}".getBytes(), "[]".getBytes(), "\"x\"".getBytes(),
        "{".getBytes(), "null".getBytes(), INVALID_UTF8, json.writeValueAsBytes(Map.of("undeclared", HUGE))));
    Map<String, Object> wrongTypes = new LinkedHashMap<>();
    Map<String, Object> huge = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      String type = property.getValue().path("type").asText("object");
      wrongTypes.put(property.getKey(), "string".equals(type) ? Map.of("nested", List.of(1)) : "文字列");
      huge.put(property.getKey(), "string".equals(type) ? HUGE : new java.math.BigDecimal("1e400"));
    }
    bodies.add(json.writeValueAsBytes(wrongTypes));
    bodies.add(json.writeValueAsBytes(huge));
    bodies.add(json.writeValueAsString(huge).replace("1E+400", "99999999999999999999999999").getBytes());
    List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
    for (byte[] content : bodies) {
      requests.add(request(method, path).contentType(MediaType.APPLICATION_JSON).content(content));
    }
    requests.add(request(method, path).contentType(MediaType.TEXT_PLAIN).content("plain"));
    return requests;
  }

  private static List<MockHttpServletRequestBuilder> multipartRequests(String path) {
    List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
    requests.add(multipart(path).file(new MockMultipartFile("file", "../../../etc/passwd", "text/csv",
        INVALID_SHIFT_JIS)).param("encoding", "SHIFT_JIS").param("type", "../x").param("receivedOn", "2024-13-45"));
    requests.add(multipart(path).file(new MockMultipartFile("file", "..\\..\\win.ini", "application/pdf",
        INVALID_UTF8)).param("encoding", "UTF8").param("type", HUGE.substring(0, 5_000)));
    requests.add(multipart(path).file(new MockMultipartFile("file", "", null, new byte[0])));
    requests.add(multipart(path));
    return requests;
  }

  private static MockHttpServletRequestBuilder withHostileQuery(MockHttpServletRequestBuilder request,
                                                                JsonNode operation) {
    for (JsonNode parameter : operation.path("parameters")) {
      if ("query".equals(parameter.path("in").asText())) {
        String type = parameter.path("schema").path("type").asText();
        request.param(parameter.path("name").asText(), "integer".equals(type) || "number".equals(type)
            ? "99999999999999999999999" : "string".equals(type) ? "'; drop table resident; --" + "ア".repeat(3_000)
            : "[{]");
      }
    }
    return request;
  }

  private void send(String user, HttpMethod method, String path, List<MockHttpServletRequestBuilder> requests)
      throws Exception {
    for (MockHttpServletRequestBuilder request : requests) {
      sent++;
      MockHttpServletResponse response = mvc.perform(request.with(users.as(user)).with(csrf())).andReturn()
          .getResponse();
      int status = response.getStatus();
      String where = user + " " + method + " " + path + " -> " + status;
      if (status < 300) {
        accepted = true;
      }
      if (status >= 500) {
        failures.add(where + " " + response.getContentAsString(StandardCharsets.UTF_8));
      } else if (status >= 400 && !isApiError(response)) {
        failures.add(where + " without the JSON error: " + response.getContentType());
      }
    }
  }

  private boolean isApiError(MockHttpServletResponse response) {
    try {
      JsonNode error = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
      return error.path("error").isTextual() && error.path("message").isTextual();
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonNode schemaOf(JsonNode content, JsonNode api) {
    JsonNode schema = content.elements().next().path("schema");
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : api.at(ref.substring(1));
  }
}
