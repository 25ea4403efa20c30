package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * R07: each role reaches only the functions of its roles. Walks every endpoint the application maps under /api with
 * every role, with a session that has passed the password but not yet the second factor, and without login, against
 * the matrix below; an endpoint under a prefix the matrix does not know fails
 * the test, so a new module must state who may use it. Refusals are checked for every method; the allowed roles are
 * checked on GET only, so that the walk never changes data.
 */
@IntegrationTest
class EndpointRoleMatrixTest {

  private static final String ANONYMOUS = "(anonymous)";
  /** Password right, second factor still to come: reaches nothing but the second step of login. */
  private static final String SECOND_FACTOR_PENDING = "(second factor pending)";
  private static final Map<String, String> USERS = Map.of("STAFF", "staff1", "SUPERVISOR", "super1",
      "MANAGER", "manager1", "AUDITOR", "auditor1", "ADMIN", "admin1");
  private static final Set<String> CASE_WORK = Set.of("STAFF", "SUPERVISOR");
  private static final Set<String> EVERY_ROLE = USERS.keySet();
  private static final Set<String> EVERY_CALLER = callers();

  /** Longest prefix first: who may call the endpoints under it. */
  private static final Map<String, Set<String>> MATRIX = matrix();

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void R07_everyEndpointRefusesTheRolesItIsNotForAndServesTheOnesItIsFor() throws Exception {
    List<String> wrong = new ArrayList<>();
    int walked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      var patterns = entry.getKey().getPathPatternsCondition();
      if (patterns == null) {
        continue;
      }
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : patterns.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        Set<String> allowed = allowedFor(pattern);
        if (allowed == null) {
          wrong.add(pattern + ": not in the role matrix");
          continue;
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          String path = pattern.replaceAll("\\{[^}]+}", "1");
          walked++;
          for (String role : EVERY_CALLER) {
            boolean mayUse = allowed.contains(role);
            if (mayUse && method != RequestMethod.GET) {
              continue;
            }
            MockHttpServletResponse response = call(method, path, role);
            boolean refusedBySecurity = response.getStatus() == 401
                || response.getStatus() == 403 && "forbidden".equals(errorOf(response));
            if (refusedBySecurity == mayUse) {
              wrong.add(method + " " + pattern + " as " + role + ": " + response.getStatus() + " " + errorOf(response));
            }
          }
          if (!allowed.contains(ANONYMOUS)) {
            MockHttpServletResponse response = call(method, path, null);
            if (response.getStatus() != 401) {
              wrong.add(method + " " + pattern + " without login: " + response.getStatus());
            }
          }
        }
      }
    }
    assertThat(walked).as("endpoints walked").isGreaterThan(40);
    assertThat(wrong).isEmpty();
  }

  /** The department dimension: a supervisor of a department outside this affair reaches no case-work endpoint. */
  @Test
  void R06_caseWorkEndpointsRefuseCaseWorkersOfADepartmentOutsideTheAffair() throws Exception {
    jdbc.update("insert into department (code, name, affair) values ('matrix-other', '他課', false) on conflict do nothing");
    String outsider = users.newStaffAccount("outsider", "Outsider-Pass-2026!");
    jdbc.update("update app_user set department_code = 'matrix-other', roles = array['SUPERVISOR'] where username = ?",
        outsider);
    List<String> served = new ArrayList<>();
    int walked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      var patterns = entry.getKey().getPathPatternsCondition();
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : patterns == null ? Set.<String>of() : patterns.getPatternValues()) {
        if (!CASE_WORK.equals(allowedFor(pattern))) {
          continue;
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          walked++;
          MockHttpServletResponse response = send(method, pattern.replaceAll("\\{[^}]+}", "1"), users.as(outsider));
          if (!(response.getStatus() == 403 && "forbidden".equals(errorOf(response)))) {
            served.add(method + " " + pattern + ": " + response.getStatus());
          }
        }
      }
    }
    assertThat(walked).as("case-work endpoints walked").isGreaterThan(30);
    assertThat(served).isEmpty();
  }

  private MockHttpServletResponse call(RequestMethod method, String path, String role) throws Exception {
    return send(method, path, SECOND_FACTOR_PENDING.equals(role) ? authentication(new SecondFactorPending("staff1"))
        : role == null ? null : users.as(USERS.get(role)));
  }

  private MockHttpServletResponse send(RequestMethod method, String path, RequestPostProcessor signedIn)
      throws Exception {
    MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(method.name()), path).with(csrf());
    if (signedIn != null) {
      builder = builder.with(signedIn);
    }
    if (method != RequestMethod.GET) {
      builder = builder.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    return mvc.perform(builder).andReturn().getResponse();
  }

  private String errorOf(MockHttpServletResponse response) {
    try {
      JsonNode body = json.readTree(response.getContentAsString());
      return body == null ? "" : body.path("error").asText("");
    } catch (Exception notJson) {
      return "";
    }
  }

  private static Set<String> allowedFor(String pattern) {
    return MATRIX.entrySet().stream().filter(rule -> pattern.equals(rule.getKey())
            || pattern.startsWith(rule.getKey().endsWith("/") ? rule.getKey() : rule.getKey() + "/"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  private static Set<String> callers() {
    Set<String> callers = new LinkedHashSet<>(USERS.keySet());
    callers.add(SECOND_FACTOR_PENDING);
    return callers;
  }

  private static Map<String, Set<String>> matrix() {
    Map<String, Set<String>> matrix = new LinkedHashMap<>();
    matrix.put("/api/auth/second-factor", Set.of(SECOND_FACTOR_PENDING));
    matrix.put("/api/residents/access-log", Set.of("AUDITOR"));
    matrix.put("/api/audit", Set.of("AUDITOR"));
    matrix.put("/api/approvals", Set.of("SUPERVISOR"));
    for (String caseWork : List.of("/api/residents", "/api/tasks", "/api/processes", "/api/information-queries",
        "/api/fukuhon", "/api/doses", "/api/dose-batches", "/api/copay-exemptions", "/api/outreach", "/api/relief",
        "/api/resident-requests", "/api/inquiries", "/api/long-term-illness", "/api/vrs", "/api/outside-provisions")) {
      matrix.put(caseWork, CASE_WORK);
    }
    matrix.put("/api/kpi", Set.of("MANAGER", "ADMIN"));
    matrix.put("/api/admin", Set.of("ADMIN"));
    matrix.put("/api/me", EVERY_ROLE);
    matrix.put("/api/system", Set.of("STAFF", "SUPERVISOR", "MANAGER", "AUDITOR", "ADMIN", SECOND_FACTOR_PENDING,
        ANONYMOUS));
    return matrix;
  }
}
