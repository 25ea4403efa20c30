package jp.lg.immunization;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.immunization.security.Totp;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs requests in as one of the demo accounts, through the real account lookup, and makes accounts of a test's own.
 * Also logs in as a person does, password and then the authenticator app's code (R07), remembering the secret each
 * account enrolled with, as the person's phone does.
 */
@TestComponent
public class TestUsers {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final UserDetailsService accounts;
  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final MockMvc mvc;
  private final ObjectMapper json;
  private final Map<String, Totp> authenticatorApps = new ConcurrentHashMap<>();

  TestUsers(UserDetailsService accounts, JdbcTemplate jdbc, PasswordEncoder encoder, MockMvc mvc, ObjectMapper json) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.mvc = mvc;
    this.json = json;
  }

  /** A staff account of the test's own (so that locking or disabling it disturbs no other test); its username. */
  public String newStaffAccount(String prefix, String password) {
    String username = prefix + "-" + SEQUENCE.incrementAndGet();
    jdbc.update("""
        insert into app_user (username, display_name, password_hash, department_code, roles)
        select ?, '試験 職員', ?, code, array['STAFF'] from department order by code limit 1""",
        username, encoder.encode(password));
    return username;
  }

  public RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  /** The first step of login, the password form. */
  public ResultActions passwordStep(String username, String password) throws Exception {
    return mvc.perform(post("/api/auth/login").with(csrf()).param("username", username).param("password", password));
  }

  /** The second step of login: a code sent with the session the password step left. */
  public ResultActions codeStep(Cookie pending, String code) throws Exception {
    return mvc.perform(post("/api/auth/second-factor").cookie(pending).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("code", code))));
  }

  /** Enrols the pending session's account as its user would, scanning the secret into an app; the secret. */
  public String enrol(String username, Cookie pending) throws Exception {
    JsonNode enrolment = json.readTree(mvc.perform(post("/api/auth/second-factor/enrolment").cookie(pending).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    String secret = enrolment.path("secret").asText();
    authenticatorApps.put(username, Totp.ofBase32(secret));
    return secret;
  }

  /** The code the account's authenticator app shows now, for a fresh time step (a code is accepted once only). */
  public String currentCode(String username) {
    Totp app = authenticatorApps.get(username);
    if (app == null) {
      throw new IllegalStateException(username + " enrolled outside TestUsers: its secret is unknown");
    }
    long step = Totp.step(Instant.now());
    // The clock moves on: the account's last code counts as used a minute ago, so that this login needs no wait.
    jdbc.update("update totp_credential set last_step = least(last_step, ?) where username = ?", step - 2, username);
    return app.code(step);
  }

  /** Logs in through both steps, enrolling the account on its first login; the signed-in session's cookie. */
  public Cookie signIn(String username, String password) throws Exception {
    var answer = passwordStep(username, password).andExpect(status().isOk()).andReturn().getResponse();
    Cookie pending = answer.getCookie("SESSION");
    if (!json.readTree(answer.getContentAsString()).path("enrolled").asBoolean()) {
      enrol(username, pending);
    }
    return codeStep(pending, currentCode(username)).andExpect(status().isOk()).andReturn().getResponse()
        .getCookie("SESSION");
  }
}
