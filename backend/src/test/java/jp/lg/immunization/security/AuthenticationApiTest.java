package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** R07 basics: form login with hashed passwords, JSON 401/403, and functions limited by role. */
@IntegrationTest
class AuthenticationApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired UserAccountRepository accounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R07_unauthenticatedApiRequestsGet401AsJson() throws Exception {
    mvc.perform(get("/api/tasks"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.error").value("unauthenticated"))
        .andExpect(jsonPath("$.message").value("ログインしてください"));
  }

  @Test
  void R07_loginWithPasswordAndCodeReturnsTheUserAndASessionKeptInTheDatabase() throws Exception {
    users.passwordStep("staff1", "demo-pass-2026").andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("staff1"))
        .andExpect(jsonPath("$.enrolled").isBoolean());
    Cookie session = users.signIn("staff1", "demo-pass-2026");
    assertThat(session).as("session cookie").isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("staff1"))
        .andExpect(jsonPath("$.roles[0]").value("STAFF"))
        .andExpect(jsonPath("$.department.name").value("母子健康センター"));
    assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'staff1'", Long.class))
        .as("the session lives in the database, not in one node's memory").isPositive();

    mvc.perform(post("/api/auth/logout").cookie(session).with(csrf())).andExpect(status().isNoContent());
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void R07_wrongPasswordGets401AsJsonAndIsAudited() throws Exception {
    mvc.perform(post("/api/auth/login").with(csrf()).param("username", "staff1").param("password", "wrong"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("bad_credentials"));
  }

  @Test
  void R07_passwordsAreStoredHashed() {
    UserAccount account = accounts.findById("staff1").orElseThrow();
    assertThat(account.passwordHash()).startsWith("{bcrypt}")
        .doesNotContain("demo-pass-2026");
  }

  @Test
  void R07_loginWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(post("/api/auth/login").param("username", "staff1").param("password", "demo-pass-2026"))
        .andExpect(status().isForbidden());
  }

  @Test
  void systemInfoIsPublicAndSaysWhetherThisIsDemoMode() throws Exception {
    mvc.perform(get("/api/system")).andExpect(status().isOk()).andExpect(jsonPath("$.demoMode").value(true));
  }

  @Test
  void frameworkRefusalsAreJsonWithTheirOwnStatus() throws Exception {
    mvc.perform(post("/api/residents/1").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.error").value("request_refused"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "manager1, /api/tasks, 403",
      "manager1, /api/residents/1, 403",
      "admin1, /api/tasks, 403",
      "admin1, /api/audit/verify, 403",
      "staff1, /api/audit/verify, 403",
      "auditor1, /api/tasks, 403",
      "auditor1, /api/audit/verify, 200",
      "staff1, /api/tasks, 200",
      "super1, /api/tasks, 200",
      "manager1, /api/me, 200"})
  void R07_eachRoleReachesOnlyItsFunctions(String username, String path, int expected) throws Exception {
    var result = mvc.perform(get(path).with(users.as(username))).andExpect(status().is(expected));
    if (expected == 403) {
      result.andExpect(jsonPath("$.error").value("forbidden"))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }
  }
}
