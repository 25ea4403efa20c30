package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

/** Lockout after repeated failures (R08); validity period and disabling at once, which ends sessions (R09). */
@IntegrationTest
class AccountControlsApiTest {

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

  @Test
  void R08_fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockEnds() throws Exception {
    for (int attempt = 1; attempt <= 5; attempt++) {
      login("wrong-" + attempt).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("bad_credentials"));
    }
    login(PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("account_locked"))
        .andExpect(jsonPath("$.message", containsString("以降に再度お試しいただくか")));
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'ACCOUNT_LOCKED' and username = ?",
        Long.class, username)).isEqualTo(1);

    // The clock moves past the lock: the account's lock ends by itself.
    jdbc.update("update app_user set locked_until = now() - interval '1 minute' where username = ?", username);
    signIn();
    assertThat(jdbc.queryForMap("select failed_logins, locked_until, last_login_at from app_user where username = ?",
        username)).containsEntry("failed_logins", 0).containsEntry("locked_until", null)
        .satisfies(row -> assertThat(row.get("last_login_at")).isNotNull());
  }

  @Test
  void R08_aSuccessfulLoginResetsTheCountAndAnAdministratorUnlocks() throws Exception {
    for (int attempt = 1; attempt <= 4; attempt++) {
      login("wrong").andExpect(status().isUnauthorized());
    }
    signIn();
    for (int attempt = 1; attempt <= 4; attempt++) {
      login("wrong").andExpect(status().isUnauthorized());
    }
    signIn();
    for (int attempt = 1; attempt <= 5; attempt++) {
      login("wrong").andExpect(status().isUnauthorized());
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
