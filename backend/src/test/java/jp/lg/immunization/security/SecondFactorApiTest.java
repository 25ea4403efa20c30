package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * R07: login needs the password and then a code from an authenticator app (TOTP). Until the code, the session reaches
 * nothing but the second step; an account without a second factor enrols at its first login.
 */
@IntegrationTest
class SecondFactorApiTest {

  static final String PASSWORD = "kumagaya-summer-heat-2026";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

  String username;

  @BeforeEach
  void anAccountOfItsOwn() {
    username = users.newStaffAccount("totp-test", PASSWORD);
  }

  @Test
  void R07_thePasswordAloneGivesNoAccessToTheApi() throws Exception {
    Cookie pending = pendingSession().andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.enrolled").value(false)).andExpect(jsonPath("$.roles").doesNotExist())
        .andReturn().getResponse().getCookie("SESSION");

    mvc.perform(get("/api/me").cookie(pending)).andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("second_factor_required"));
    mvc.perform(get("/api/tasks?view=mine").cookie(pending)).andExpect(status().isUnauthorized());
    mvc.perform(post("/api/me/password").cookie(pending).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"ogose-plum-garden-2026\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/auth/second-factor").cookie(pending)).andExpect(status().isOk())
        .andExpect(jsonPath("$.enrolled").value(false));
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'LOGIN' and username = ?",
        Long.class, username)).as("no login until the second factor").isZero();

    Cookie signedIn = users.signIn(username, PASSWORD);
    mvc.perform(get("/api/tasks?view=mine").cookie(signedIn)).andExpect(status().isOk());
    mvc.perform(get("/api/auth/second-factor").cookie(signedIn)).andExpect(status().isForbidden());
    mvc.perform(post("/api/auth/second-factor").with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"123456\"}")).andExpect(status().isUnauthorized());
  }

  @Test
  void R07_enrolmentShowsASecretAndCompletesOnlyWithAValidCodeAndTheSecretIsStoredEncrypted() throws Exception {
    Cookie pending = pendingSession().andReturn().getResponse().getCookie("SESSION");
    mvc.perform(post("/api/auth/second-factor/enrolment").cookie(pending).with(csrf())).andExpect(status().isOk())
        .andExpect(jsonPath("$.otpauthUri", startsWith("otpauth://totp/")))
        .andExpect(jsonPath("$.qrCode", startsWith("data:image/svg+xml;base64,")));
    String secret = users.enrol(username, pending);
    assertThat(secret).as("the same secret while the page is reloaded").hasSize(32);
    mvc.perform(post("/api/auth/second-factor/enrolment").cookie(pending).with(csrf()))
        .andExpect(jsonPath("$.secret").value(secret))
        .andExpect(jsonPath("$.otpauthUri").value(org.hamcrest.Matchers.containsString("secret=" + secret + "&")));

    users.codeStep(pending, "000000").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("確認コードが正しくありません")).andExpect(jsonPath("$.fields.code").exists());
    users.codeStep(pending, "12ab").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("確認コードは6桁の数字で入力してください"));
    mvc.perform(get("/api/me").cookie(pending)).andExpect(status().isUnauthorized());
    assertThat(jdbc.queryForObject("select count(*) from totp_credential where username = ?", Long.class, username))
        .as("nothing stored before a valid code").isZero();

    // Typed in full-width digits with a space, as a Japanese input method may give them.
    String code = users.currentCode(username);
    String fullWidth = code.chars().mapToObj(digit -> String.valueOf((char) (digit - '0' + '０')))
        .reduce("", String::concat);
    Cookie signedIn = users.codeStep(pending, fullWidth.substring(0, 3) + " " + fullWidth.substring(3))
        .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.roles[0]").value("STAFF")).andReturn().getResponse().getCookie("SESSION");
    assertThat(signedIn.getValue()).as("a new session id once signed in").isNotEqualTo(pending.getValue());
    mvc.perform(get("/api/me").cookie(signedIn)).andExpect(status().isOk());
    assertThat(confirmedAt()).isNotNull();
    byte[] stored = jdbc.queryForObject("select secret from totp_credential where username = ?", byte[].class, username);
    String storedText = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(storedText).doesNotContain(secret)
        .doesNotContain(new String(Totp.ofBase32(secret).key(), StandardCharsets.ISO_8859_1));
    assertThat(stored).as("IV, the 20-byte secret sealed, GCM tag").hasSize(12 + 20 + 16);
    assertThat(audited("SECOND_FACTOR_ENROLLED")).isEqualTo(1);
    assertThat(audited("LOGIN")).isEqualTo(1);

    Cookie again = pendingSession().andExpect(jsonPath("$.enrolled").value(true)).andReturn().getResponse()
        .getCookie("SESSION");
    mvc.perform(post("/api/auth/second-factor/enrolment").cookie(again).with(csrf())).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("already_enrolled"));
  }

  /**
   * R07 (issue 15): the secret of an enrolment attempt belongs to the session that asked for it. Another session that
   * passed the password (someone who learnt it) gets a secret of its own, and the first one's codes do not count there.
   */
  @Test
  void R07_anEnrolmentSecretIsHandedOnlyToTheSessionThatAskedForIt() throws Exception {
    Cookie user = pendingSession().andReturn().getResponse().getCookie("SESSION");
    String secret = users.enrol(username, user);
    Cookie intruder = pendingSession().andReturn().getResponse().getCookie("SESSION");
    String other = json.readTree(mvc.perform(post("/api/auth/second-factor/enrolment").cookie(intruder).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("secret").asText();
    assertThat(other).isNotEqualTo(secret);
    String code = Totp.ofBase32(secret).code(Totp.step(java.time.Instant.now()));
    users.codeStep(intruder, code).andExpect(status().isBadRequest());
    users.codeStep(user, users.currentCode(username)).andExpect(status().isOk());
    assertThat(confirmedAt()).isNotNull();
  }

  @Test
  void R07_aCodeLogsInOnceAndTheSameCodeIsRefusedTheSecondTime() throws Exception {
    users.signIn(username, PASSWORD);
    String code = users.currentCode(username);
    Cookie first = pendingSession().andReturn().getResponse().getCookie("SESSION");
    Cookie signedIn = users.codeStep(first, code).andExpect(status().isOk()).andReturn().getResponse()
        .getCookie("SESSION");
    mvc.perform(get("/api/tasks?view=mine").cookie(signedIn)).andExpect(status().isOk());

    Cookie second = pendingSession().andReturn().getResponse().getCookie("SESSION");
    users.codeStep(second, code).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("確認コードが正しくありません"));
    mvc.perform(get("/api/me").cookie(second)).andExpect(status().isUnauthorized());
  }

  @Test
  void R08_wrongCodesAfterTheRightPasswordLockTheAccountWrongPasswordsDoNot() throws Exception {
    users.signIn(username, PASSWORD);
    users.passwordStep(username, "wrong-1").andExpect(status().isUnauthorized());
    users.passwordStep(username, "wrong-2").andExpect(status().isUnauthorized());
    Cookie pending = pendingSession().andReturn().getResponse().getCookie("SESSION");
    String right = users.currentCode(username);
    String wrong = right.equals("111111") ? "222222" : "111111";
    for (int attempt = 1; attempt <= 4; attempt++) {
      users.codeStep(pending, wrong).andExpect(status().isBadRequest());
    }
    users.codeStep(pending, wrong).andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("account_locked"));

    users.codeStep(pending, right).andExpect(status().isUnauthorized());
    users.passwordStep(username, PASSWORD).andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("account_locked"));
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'LOGIN_FAILED' and username = ? and detail like 'second factor%'""",
        Long.class, username)).isEqualTo(5);
    assertThat(audited("ACCOUNT_LOCKED")).isEqualTo(1);
  }

  @Test
  void R07_anAdministratorResetsTheSecondFactorWhichEndsTheSessionsAndTheUserEnrolsAgain() throws Exception {
    Cookie session = users.signIn(username, PASSWORD);
    String oldSecret = jdbc.queryForObject("select encode(secret, 'hex') from totp_credential where username = ?",
        String.class, username);
    mvc.perform(get("/api/audit/account-review").with(users.as("auditor1")))
        .andExpect(jsonPath("$[?(@.account.username == '" + username + "')].account.secondFactorEnrolled")
            .value(org.hamcrest.Matchers.contains(true)));

    mvc.perform(post("/api/admin/accounts/" + username + "/second-factor/reset").with(users.as("admin1")).with(csrf()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.secondFactorEnrolled").value(false));
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'SECOND_FACTOR_RESET' and detail like ?",
        String.class, "account=" + username + " %")).contains("sessions ended=1");

    pendingSession().andExpect(jsonPath("$.enrolled").value(false));
    users.signIn(username, PASSWORD);
    assertThat(jdbc.queryForObject("select encode(secret, 'hex') from totp_credential where username = ?",
        String.class, username)).as("a new secret").isNotEqualTo(oldSecret);
    mvc.perform(get("/api/admin/accounts").with(users.as("admin1")))
        .andExpect(jsonPath("$[?(@.username == '" + username + "')].secondFactorEnrolled")
            .value(org.hamcrest.Matchers.contains(true)));
    mvc.perform(post("/api/admin/accounts/nobody/second-factor/reset").with(users.as("admin1")).with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void R07_neitherAnExpiredPasswordNorAChangedOneSkipsTheSecondFactor() throws Exception {
    users.signIn(username, PASSWORD);
    jdbc.update("update app_user set password_changed_at = now() - interval '181 days' where username = ?", username);
    Cookie pending = pendingSession().andExpect(jsonPath("$.passwordChangeRequired").doesNotExist())
        .andReturn().getResponse().getCookie("SESSION");
    mvc.perform(post("/api/me/password").cookie(pending).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"ogose-plum-garden-2026\"}"))
        .andExpect(status().isUnauthorized());

    Cookie expired = users.codeStep(pending, users.currentCode(username)).andExpect(status().isOk())
        .andExpect(jsonPath("$.passwordChangeRequired").value(true)).andReturn().getResponse().getCookie("SESSION");
    mvc.perform(post("/api/me/password").cookie(expired).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"ogose-plum-garden-2026\"}"))
        .andExpect(status().isNoContent());

    Cookie afterChange = users.passwordStep(username, "ogose-plum-garden-2026").andExpect(status().isOk()).andExpect(jsonPath("$.enrolled").value(true)).andReturn().getResponse()
        .getCookie("SESSION");
    mvc.perform(get("/api/tasks?view=mine").cookie(afterChange)).andExpect(status().isUnauthorized());
  }

  /** The password step, right: a session pending its second factor. */
  private ResultActions pendingSession() throws Exception {
    return users.passwordStep(username, PASSWORD).andExpect(status().isOk());
  }

  private Timestamp confirmedAt() {
    return jdbc.queryForObject("select confirmed_at from totp_credential where username = ?", Timestamp.class, username);
  }

  private long audited(String operation) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = ? and username = ?", Long.class,
        operation, username);
  }
}
