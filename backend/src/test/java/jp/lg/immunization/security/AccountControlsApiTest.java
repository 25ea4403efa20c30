package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Lockout after repeated failures (R08); validity period and disabling at once, which ends sessions (R09). */
@IntegrationTest
class AccountControlsApiTest {

  private static final String ATTACKER = "203.0.113.66";

  static final String PASSWORD = "correct-horse-battery-2026";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountControls controls;

  String username;

  @BeforeEach
  void anAccountOfItsOwn() {
    username = users.newStaffAccount("account-test", PASSWORD);
  }

  /**
   * R08 without its denial of service (issue 15): wrong passwords lock nobody out. The client that sends them waits
   * longer after each one beyond the free ones; the account's holder, from another client, logs in at once and is told
   * of the wrong passwords, which are also on the audit trail for the administrators.
   */
  @Test
  void R08_wrongPasswordsSlowTheirClientDownWithAGrowingDelayAndNeverLockTheAccount() throws Exception {
    for (int attempt = 1; attempt <= 3; attempt++) {
      login("wrong-" + attempt, ATTACKER).andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.error").value("bad_credentials"));
    }
    login(PASSWORD, ATTACKER).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.error").value("too_many_attempts"))
        .andExpect(jsonPath("$.message", containsString("秒後に再度お試しください")));
    for (int attempt = 4; attempt <= 5; attempt++) {
      waitedOut();
      login("wrong-" + attempt, ATTACKER).andExpect(status().isUnauthorized());
    }
    login("wrong", ATTACKER).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "4"));
    assertThat(jdbc.queryForMap("select failed_logins, locked_until from app_user where username = ?", username))
        .containsEntry("failed_logins", 0).containsEntry("locked_until", null);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'LOGIN_FAILURES_NOTICE' and "
        + "username = ?", Long.class, username)).isOne();

    // The holder, elsewhere, is not held up and is told at login.
    Cookie pending = users.passwordStep(username, PASSWORD).andExpect(status().isOk())
        .andExpect(jsonPath("$.enrolled").value(false)).andReturn().getResponse().getCookie("SESSION");
    users.enrol(username, pending);
    users.codeStep(pending, users.currentCode(username)).andExpect(status().isOk())
        .andExpect(jsonPath("$.wrongPasswordsSinceLastLogin").value(5));
    signIn();
  }

  @Test
  void R08_aClientFailingAtManyAccountsIsSlowedDownAtEveryAccount() throws Exception {
    String client = "192.0.2." + (10 + (int) (Math.random() * 200));
    for (int attempt = 0; attempt < 20; attempt++) {
      mvc.perform(post("/api/auth/login").with(csrf()).with(remote(client)).param("username", "nobody-" + attempt)
          .param("password", "wrong")).andExpect(status().isUnauthorized());
    }
    mvc.perform(post("/api/auth/login").with(csrf()).with(remote(client)).param("username", username)
        .param("password", PASSWORD)).andExpect(status().isTooManyRequests());
    login(PASSWORD, "198.51.100.7").andExpect(status().isOk());
  }

  @Test
  void R08_wrongCodesLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
    signIn();
    Cookie pending = users.passwordStep(username, PASSWORD).andReturn().getResponse().getCookie("SESSION");
    String wrong = users.currentCode(username).equals("111111") ? "222222" : "111111";
    for (int attempt = 1; attempt <= 5; attempt++) {
      users.codeStep(pending, wrong);
    }
    login(PASSWORD).andExpect(jsonPath("$.error").value("account_locked"));
    admin(post("/api/admin/accounts/" + username + "/unlock")).andExpect(status().isOk())
        .andExpect(jsonPath("$.lockedUntil").isEmpty());
    signIn();
  }

  @Test
  void R09_anAdministratorDisablesAnAccountAtOnceAndEndsEachOfItsSessions() throws Exception {
    Cookie first = signIn();
    Cookie second = signIn();
    mvc.perform(get("/api/me").cookie(first)).andExpect(status().isOk());

    admin(post("/api/admin/accounts/" + username + "/disable")).andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false)).andExpect(jsonPath("$.disabledBy").value("admin1"));

    mvc.perform(get("/api/me").cookie(first)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me").cookie(second)).andExpect(status().isUnauthorized());
    assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
        username)).isZero();
    login(PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("account_disabled"));
    admin(post("/api/admin/accounts/" + username + "/enable")).andExpect(status().isOk());
    signIn();
  }

  @Test
  void R09_anAccountPastItsValidityIsRefusedAndTheHourlySweepDisablesItAndEndsItsSessions() throws Exception {
    Cookie session = signIn();
    // The validity ended yesterday, while the session was open (as if the clock had moved past it).
    jdbc.update("update app_user set valid_until = current_date - 2 where username = ?", username);
    login(PASSWORD).andExpect(jsonPath("$.error").value("account_disabled"));

    controls.disableExpiredAccounts();

    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
    assertThat(jdbc.queryForMap("select enabled, disabled_by from app_user where username = ?", username))
        .containsEntry("enabled", false).containsEntry("disabled_by", "system");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'ACCOUNT_EXPIRED' and username = ?",
        Long.class, username)).isEqualTo(1);
  }

  @Test
  void R09_aValidityPeriodSetByAnAdministratorIsCheckedAndEndingItEndsTheSessions() throws Exception {
    Cookie session = signIn();
    validity("2026-04-01", "2026-03-31").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.validUntil").exists());
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    validity(today.minusYears(1).toString(), today.plusYears(1).toString()).andExpect(status().isOk())
        .andExpect(jsonPath("$.usable").value(true));
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    validity(today.minusYears(1).toString(), today.minusDays(1).toString()).andExpect(status().isOk())
        .andExpect(jsonPath("$.usable").value(false));
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void theAuditorsAccountReviewNamesAccountsNeverOrLongNotUsed() throws Exception {
    String row = "$[?(@.account.username == '" + username + "')]";
    mvc.perform(get("/api/audit/account-review").with(users.as("auditor1"))).andExpect(status().isOk())
        .andExpect(jsonPath(row + ".unused").value(org.hamcrest.Matchers.contains(true)))
        .andExpect(jsonPath(row + ".account.secondFactorEnrolled").value(org.hamcrest.Matchers.contains(false)));
    signIn();
    mvc.perform(get("/api/audit/account-review").with(users.as("auditor1")))
        .andExpect(jsonPath(row + ".unused").value(org.hamcrest.Matchers.contains(false)))
        .andExpect(jsonPath(row + ".daysSinceLastLogin").value(org.hamcrest.Matchers.contains(0)))
        .andExpect(jsonPath(row + ".account.secondFactorEnrolled").value(org.hamcrest.Matchers.contains(true)));
    jdbc.update("update app_user set last_login_at = now() - interval '91 days' where username = ?", username);
    mvc.perform(get("/api/audit/account-review").with(users.as("auditor1")))
        .andExpect(jsonPath(row + ".unused").value(org.hamcrest.Matchers.contains(true)));
    mvc.perform(get("/api/audit/account-review").with(users.as("admin1"))).andExpect(status().isForbidden());
  }

  @Test
  void onlyAdministratorsControlAccountsAndNotTheirOwn() throws Exception {
    mvc.perform(get("/api/admin/accounts").with(users.as("staff1"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/accounts").with(users.as("auditor1"))).andExpect(status().isForbidden());
    admin(get("/api/admin/accounts")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.username == 'staff1')].roles[0]").value("STAFF"));
    admin(post("/api/admin/accounts/admin1/disable")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("self_disable"));
    admin(post("/api/admin/accounts/nobody/unlock")).andExpect(status().isNotFound());
  }

  /** The password step of login, where lock and validity are checked first. */
  private ResultActions login(String password) throws Exception {
    return users.passwordStep(username, password);
  }

  private ResultActions login(String password, String client) throws Exception {
    return mvc.perform(post("/api/auth/login").with(csrf()).with(remote(client)).param("username", username)
        .param("password", password));
  }

  private static RequestPostProcessor remote(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** The client's wait passes: its last failure is moved back an hour. */
  private void waitedOut() {
    jdbc.update("update login_throttle set last_failure_at = last_failure_at - interval '1 hour' where username = ?",
        username);
  }

  /** Both steps of login: a signed-in session. */
  private Cookie signIn() throws Exception {
    return users.signIn(username, PASSWORD);
  }

  private ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(users.as("admin1")).with(csrf()));
  }

  private ResultActions validity(String from, String until) throws Exception {
    return admin(put("/api/admin/accounts/" + username + "/validity").contentType(MediaType.APPLICATION_JSON)
        .content("{\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"}"));
  }
}
